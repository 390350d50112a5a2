package org.finassist.server.funnel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic assignment of sessions to arms: SHA-256 of salt and session id, first 8 bytes as a fraction of
 * 2^64, below {@code guidedShare} is guided. Every node assigns a session alike without asking the database, and a
 * new salt reshuffles the sessions for a new experiment. Switched off, every session is guided.
 */
record ExperimentSplit(boolean enabled, double guidedShare, String salt) {

    ExperimentSplit {
        if (guidedShare < 0 || guidedShare > 1) {
            throw new IllegalArgumentException("guided-share must be within 0..1, was " + guidedShare);
        }
        salt = salt == null ? "" : salt;
    }

    Arm arm(String sessionId) {
        if (!enabled) {
            return Arm.GUIDED;
        }
        return bucket(sessionId) < guidedShare ? Arm.GUIDED : Arm.CONTROL;
    }

    /** The session's position in [0, 1). */
    double bucket(String sessionId) {
        byte[] h = sha256(salt + ":" + sessionId);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return (v >>> 11) * 0x1.0p-53;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
