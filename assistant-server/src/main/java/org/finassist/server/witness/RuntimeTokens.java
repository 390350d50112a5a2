package org.finassist.server.witness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** Checks a runtime's hello token, in constant time. */
final class RuntimeTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeTokens.class);

    private final Map<String, String> perRuntime;
    private final String anyRuntime;

    RuntimeTokens(Map<String, String> configured) {
        perRuntime = Map.copyOf(configured);
        if (perRuntime.isEmpty()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            anyRuntime = HexFormat.of().formatHex(random);
            LOG.warn("No digital-human runtime tokens configured; generated one for this run: {} "
                    + "(configure finassist.digital-human-adapter.runtime-tokens.<runtimeId> in production)", anyRuntime);
        } else {
            anyRuntime = null;
        }
    }

    boolean accepts(String runtimeId, String token) {
        String expected = anyRuntime != null ? anyRuntime : perRuntime.get(runtimeId);
        return expected != null && token != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
