package org.finassist.dh.protocol;

import java.util.Locale;

/** Observations a runtime reports; wire names are lower snake case. */
public enum EventKind {
    FACE_LOST, SECOND_FACE, SECOND_VOICE, CUSTOMER_LEFT, POOR_NETWORK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Events that make a witness suspicious and call for a human. */
    public boolean suspicious() {
        return this == SECOND_FACE || this == SECOND_VOICE;
    }
}
