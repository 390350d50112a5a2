package org.finassist.server.witness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checks a runtime's hello token, in constant time. Each runtime id has its own token: configured one by one
 * ({@code runtime-tokens.<runtimeId>}), or derived from a secret as {@code hex(HMAC-SHA256(secret, runtimeId))}
 * ({@code runtime-token-secret}), so one runtime's token never opens another's id. With neither configured, the
 * secret is a random key kept in {@code runtime-token.secret} beside the data (owner-only). No token or secret is
 * ever logged.
 */
final class RuntimeTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeTokens.class);
    static final String SECRET_FILE = "runtime-token.secret";

    private final Map<String, String> perRuntime;
    private final byte[] secret;

    private RuntimeTokens(Map<String, String> perRuntime, byte[] secret) {
        this.perRuntime = Map.copyOf(perRuntime);
        this.secret = secret;
    }

    /** {@code configured} tokens win for their ids; other ids get the token derived from the secret. */
    static RuntimeTokens of(Map<String, String> configured, String secret, Path dataDir) {
        if (secret != null && !secret.isBlank()) {
            return new RuntimeTokens(configured, secret.strip().getBytes(StandardCharsets.UTF_8));
        }
        if (!configured.isEmpty()) {
            return new RuntimeTokens(configured, null);
        }
        Path file = dataDir.resolve(SECRET_FILE);
        LOG.warn("No digital-human runtime tokens configured: each runtime's token is derived from the secret in {}"
                + " (hex HMAC-SHA256 of the runtime id); configure finassist.digital-human-adapter.runtime-token-secret"
                + " or runtime-tokens.<runtimeId> in production", file);
        return new RuntimeTokens(Map.of(), fileSecret(file));
    }

    boolean accepts(String runtimeId, String token) {
        if (runtimeId == null || token == null) {
            return false;
        }
        String expected = perRuntime.containsKey(runtimeId) ? perRuntime.get(runtimeId)
                : secret == null ? null : derive(secret, runtimeId);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** The token of {@code runtimeId} under {@code secret}: what an operator hands that runtime. */
    static String derive(byte[] secret, String runtimeId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(runtimeId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] fileSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.writeString(file, HexFormat.of().formatHex(k));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions apply
                }
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the runtime token secret " + file, e);
        }
    }
}
