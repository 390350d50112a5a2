package org.finassist.server.security;

import org.finassist.server.cluster.ClusterBus;
import org.finassist.server.cluster.ClusterEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys with scopes ({@link Grantee#isKeyScope()}), stored as SHA-256 hashes (a key is 40 random characters,
 * so a fast hash is enough; a slow one would cost every request). Active hashes are cached in memory so a request costs one hash and one map
 * look-up. A create or revoke on any node is announced on the {@link ClusterBus} and every node reloads at once
 * (well under a second); the reload every {@link #REFRESH_MILLIS} stays as the fallback for a lost notification.
 */
final class ApiKeyStore {

    static final long REFRESH_MILLIS = 30_000;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    record KeyInfo(long id, String name, List<String> scopes, String prefix, OffsetDateTime createdAt,
                   OffsetDateTime revokedAt) {
    }

    /** An active key as the request's caller: its id, name and scopes. */
    record KeyCaller(long id, String name, Set<Grantee> scopes) {
    }

    record CreatedKey(KeyInfo info, String secret) {
    }

    private final JdbcClient jdbc;
    private final ClusterBus bus;
    private final SecureRandom random = new SecureRandom();
    private volatile Map<String, KeyCaller> active = Map.of();
    private volatile long loadedAt;

    ApiKeyStore(JdbcClient jdbc, ClusterBus bus) {
        this.jdbc = jdbc;
        this.bus = bus;
        reload();
        bus.subscribe(ClusterEvent.class, e -> {
            if (e instanceof ClusterEvent.ApiKeysChanged || e instanceof ClusterEvent.Resync) {
                reload();
            }
        });
    }

    /** The key's name and role when {@code secret} is an active key. */
    Optional<KeyCaller> caller(String secret) {
        refreshIfStale();
        return secret == null ? Optional.empty() : Optional.ofNullable(active.get(hash(secret)));
    }

    CreatedKey create(String name, Set<Grantee> scopes) {
        StringBuilder sb = new StringBuilder("fa-");
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String secret = sb.toString();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO api_keys (name, role, scopes, key_prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, "client", join(scopes), secret.substring(0, 8), hash(secret), now).update();
        reload();
        bus.publish(new ClusterEvent.ApiKeysChanged());
        KeyInfo info = list().stream().filter(k -> k.prefix().equals(secret.substring(0, 8)) && k.revokedAt() == null)
                .reduce((a, b) -> b).orElseThrow();
        return new CreatedKey(info, secret);
    }

    List<KeyInfo> list() {
        return jdbc.sql("SELECT id, name, scopes, key_prefix, created_at, revoked_at FROM api_keys ORDER BY id")
                .query((rs, n) -> new KeyInfo(rs.getLong(1), rs.getString(2),
                        parse(rs.getString(3)).stream().map(Grantee::wireName).sorted().toList(), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    boolean revoke(long id) {
        int n = jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(OffsetDateTime.now(), id).update();
        reload();
        if (n > 0) {
            bus.publish(new ClusterEvent.ApiKeysChanged());
        }
        return n > 0;
    }

    private void refreshIfStale() {
        if (System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
            reload();
        }
    }

    private void reload() {
        Map<String, KeyCaller> keys = new ConcurrentHashMap<>();
        jdbc.sql("SELECT key_hash, id, name, scopes FROM api_keys WHERE revoked_at IS NULL").query((rs, n) -> keys.put(
                rs.getString(1), new KeyCaller(rs.getLong(2), rs.getString(3), parse(rs.getString(4))))).list();
        active = Map.copyOf(keys);
        loadedAt = System.currentTimeMillis();
    }

    private static String join(Set<Grantee> scopes) {
        return String.join(",", scopes.stream().map(Grantee::wireName).sorted().toList());
    }

    private static Set<Grantee> parse(String scopes) {
        Set<Grantee> out = EnumSet.noneOf(Grantee.class);
        for (String s : (scopes == null ? "" : scopes).split(",")) {
            Grantee.keyScope(s).ifPresent(out::add);
        }
        return out;
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
