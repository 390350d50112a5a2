package org.finassist.dh.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 chaining of audit records; shared by every {@link AuditLog} implementation. */
public final class HashChain {

    /** The previous hash of a session's first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private HashChain() {
    }

    /** Builds the next record of a chain whose head is {@code prevHash} at {@code prevSeq}. */
    public static AuditRecord next(String sessionId, long prevSeq, String prevHash, long atMillis, String kind,
                                   String actor, Map<String, String> data) {
        long seq = prevSeq + 1;
        String hash = hash(sessionId, seq, atMillis, kind, actor, canonical(data), prevHash);
        return new AuditRecord(sessionId, seq, atMillis, kind, actor, data, prevHash, hash);
    }

    /** The sorted JSON form of a record's data, as hashed and as stored. */
    public static String canonical(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@link #canonical} output back. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> parse(String canonical) {
        try {
            return JSON.readValue(canonical, TreeMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit data is not a JSON object of strings", e);
        }
    }

    static AuditVerification verify(String sessionId, List<AuditRecord> records, long expectedRecords) {
        String prev = GENESIS;
        long seq = 0;
        for (AuditRecord r : records) {
            seq++;
            if (r.seq() != seq) {
                return AuditVerification.broken(sessionId, records.size(), seq, "record " + seq + " is missing");
            }
            if (!r.prevHash().equals(prev)) {
                return AuditVerification.broken(sessionId, records.size(), seq, "previous-hash link broken");
            }
            String expected = hash(sessionId, r.seq(), r.atMillis(), r.kind(), r.actor(), canonical(r.data()), prev);
            if (!expected.equals(r.hash())) {
                return AuditVerification.broken(sessionId, records.size(), seq, "record content altered");
            }
            prev = r.hash();
        }
        if (expectedRecords >= 0 && seq != expectedRecords) {
            return AuditVerification.broken(sessionId, records.size(), seq + 1,
                    "expected " + expectedRecords + " records, found " + seq);
        }
        return AuditVerification.ok(sessionId, seq);
    }

    private static String hash(String sessionId, long seq, long atMillis, String kind, String actor, String data,
                               String prevHash) {
        String material = String.join("\n", sessionId, Long.toString(seq), Long.toString(atMillis), kind, actor,
                data, prevHash);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
