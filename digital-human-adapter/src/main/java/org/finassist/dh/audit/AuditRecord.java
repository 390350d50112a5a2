package org.finassist.dh.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * One audit record. {@code seq} counts from 1 per session; {@code data} is kept sorted so its canonical form,
 * and therefore the hash, does not depend on insertion order.
 */
public record AuditRecord(String sessionId, long seq, long atMillis, String kind, String actor,
                          Map<String, String> data, String prevHash, String hash) {

    public AuditRecord {
        data = java.util.Collections.unmodifiableMap(new TreeMap<>(data));
    }
}
