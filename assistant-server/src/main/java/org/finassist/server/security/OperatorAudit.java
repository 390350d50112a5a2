package org.finassist.server.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The operator audit trail: one append-only row per operator action, chained by HMAC-SHA256 with a key from
 * configuration (or a file beside the data, owner-only), never from the database. {@link #verify()} recomputes the
 * chain: an edited, inserted or deleted row, or a chain made with another key, breaks it at that row.
 */
final class OperatorAudit {

    static final String GENESIS = "0".repeat(64);

    record Entry(long id, OffsetDateTime at, String actor, String action, String target, int status) {
    }

    /** {@code brokenAt} is the first row whose mac does not follow, or null when the whole chain holds. */
    record Verification(boolean valid, long rows, Long brokenAt) {
    }

    private final JdbcClient jdbc;
    private final byte[] key;
    private final TransactionTemplate tx;

    OperatorAudit(JdbcClient jdbc, byte[] key, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.key = key.clone();
        this.tx = tx;
    }

    /** The configured key, else the key file under the data directory (created once, readable by its owner only). */
    static byte[] key(String configured, Path dataDir) {
        if (!configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("operator-audit.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.writeString(file, HexFormat.of().formatHex(k));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions apply
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the operator audit key " + file, e);
        }
    }

    /**
     * Appends one row. The chain head row is locked ({@code SELECT … FOR UPDATE}) in the insert's transaction, so
     * appends from every node are serialised through the database and each row follows the one before it.
     */
    void record(String actor, String action, String target, int status) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String a = clip(actor, 130);
        String t = clip(target, 300);
        tx.executeWithoutResult(s -> {
            String prev = jdbc.sql("SELECT mac FROM operator_audit_head WHERE id = 1 FOR UPDATE")
                    .query(String.class).single();
            String mac = mac(prev, at, a, action, t, status);
            jdbc.sql("INSERT INTO operator_audit (at, actor, action, target, status, prev_mac, mac)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(at, a, action, t, status, prev, mac).update();
            jdbc.sql("UPDATE operator_audit_head SET mac = ? WHERE id = 1").param(mac).update();
        });
    }

    List<Entry> recent(int limit) {
        return jdbc.sql("SELECT id, at, actor, action, target, status FROM operator_audit ORDER BY id DESC LIMIT ?")
                .param(limit).query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6))).list();
    }

    Verification verify() {
        String expectedPrev = GENESIS;
        long rows = 0;
        for (var row : jdbc.sql("SELECT id, at, actor, action, target, status, prev_mac, mac FROM operator_audit"
                + " ORDER BY id").query((rs, n) -> new Object[]{rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)})
                .list()) {
            rows++;
            String mac = mac(expectedPrev, (OffsetDateTime) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (Integer) row[5]);
            if (!expectedPrev.equals(row[6]) || !mac.equals(row[7])) {
                return new Verification(false, rows, (Long) row[0]);
            }
            expectedPrev = mac;
        }
        return new Verification(true, rows, null);
    }

    private String mac(String prev, OffsetDateTime at, String actor, String action, String target, int status) {
        try {
            Mac h = Mac.getInstance("HmacSHA256");
            h.init(new SecretKeySpec(key, "HmacSHA256"));
            String canonical = String.join("\u001f", prev,
                    at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().truncatedTo(ChronoUnit.MILLIS).toString(),
                    actor, action, target, Integer.toString(status));
            return HexFormat.of().formatHex(h.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
