package org.finassist.dh.protocol;

import java.util.Locale;

/** How a witness session ended. */
public enum Outcome {
    /** Every step passed (or a supervisor approved). */
    PASSED,
    /** A supervisor rejected the witness. */
    REJECTED,
    /** The customer left or the session was abandoned before the end. */
    ABANDONED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
