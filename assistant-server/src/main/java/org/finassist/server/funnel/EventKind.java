package org.finassist.server.funnel;

import java.util.Locale;

/** The kinds of funnel events as stored in {@code funnel_event.kind}. */
public enum EventKind {
    STARTED, STEP_ENTERED, STEP_COMPLETED, VALIDATION_FAILED, PHOTO_REJECTED, WITNESS_PASSED, WITNESS_ESCALATED,
    WITNESS_FAILED, SUBMITTED,
    /** Written by the abandonment sweep, not by the guide: no activity for the configured time. */
    ABANDONED;

    /** The stored and exported name, e.g. {@code step_entered}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Kinds that say why a customer may have given up on a step. */
    boolean failure() {
        return this == VALIDATION_FAILED || this == PHOTO_REJECTED || this == WITNESS_FAILED;
    }
}
