package org.finassist.dh.session;

/** Where a session is in its life. */
public enum SessionStatus {
    /** The script is running. */
    ACTIVE,
    /** Waiting for a supervisor's decision; the customer was asked to hold. */
    ESCALATED,
    /** A supervisor is speaking to the customer through the runtime. */
    TAKEN_OVER,
    ENDED
}
