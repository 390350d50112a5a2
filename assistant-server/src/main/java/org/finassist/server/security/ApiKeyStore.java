package org.finassist.server.security;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys, stored as SHA-256 hashes. Active hashes are cached in memory so a request costs one hash and one map
 * look-up; the cache reloads every {@link #REFRESH_MILLIS} so keys created on another node are seen.
 */
final class ApiKeyStore {

    static final long REFRESH_MILLIS = 30_000;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    record KeyInfo(long id, String name, String role, String prefix, OffsetDateTime createdAt,
                   OffsetDateTime revokedAt) {
    }

    record CreatedKey(KeyInfo info, String secret) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private volatile Map<String, KeyCaller> active = Map.of();
    private volatile long loadedAt;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        reload();
    }

    boolean anyActive() {
        refreshIfStale();
        return !active.isEmpty();
    }

    boolean matches(String secret) {
        return caller(secret).isPresent();
    }

    /** The key's name and role when {@code secret} is an active key. */
    Optional<KeyCaller> caller(String secret) {
        refreshIfStale();
        return secret == null ? Optional.empty() : Optional.ofNullable(active.get(hash(secret)));
    }

    CreatedKey create(String name) {
        return create(name, KeyRole.CLIENT);
    }

    CreatedKey create(String name, KeyRole role) {
        StringBuilder sb = new StringBuilder("fa-");
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String secret = sb.toString();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO api_keys (name, role, key_prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(name, role.wireName(), secret.substring(0, 8), hash(secret), now).update();
        reload();
        KeyInfo info = list().stream().filter(k -> k.prefix().equals(secret.substring(0, 8)) && k.revokedAt() == null)
                .reduce((a, b) -> b).orElseThrow();
        return new CreatedKey(info, secret);
    }

    List<KeyInfo> list() {
        return jdbc.sql("SELECT id, name, role, key_prefix, created_at, revoked_at FROM api_keys ORDER BY id")
                .query((rs, n) -> new KeyInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    boolean revoke(long id) {
        int n = jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(OffsetDateTime.now(), id).update();
        reload();
        return n > 0;
    }

    private void refreshIfStale() {
        if (System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
            reload();
        }
    }

    private void reload() {
        Map<String, KeyCaller> keys = new ConcurrentHashMap<>();
        jdbc.sql("SELECT key_hash, name, role FROM api_keys WHERE revoked_at IS NULL").query((rs, n) -> keys.put(
                rs.getString(1), new KeyCaller(rs.getString(2), KeyRole.parse(rs.getString(3)).orElse(KeyRole.CLIENT))))
                .list();
        active = Map.copyOf(keys);
        loadedAt = System.currentTimeMillis();
    }

    static String hash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
