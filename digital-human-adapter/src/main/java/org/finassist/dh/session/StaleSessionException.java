package org.finassist.dh.session;

/**
 * A save found the stored session at another version than the one this copy was read at: another node (or a
 * decision made from another node) changed it. The copy must be discarded and the session reloaded.
 */
public final class StaleSessionException extends RuntimeException {

    public StaleSessionException(String sessionId, long expectedVersion) {
        super("session " + sessionId + " changed since version " + expectedVersion + " was read", null, false, false);
    }
}
