package org.finassist.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finassist.security.*}.
 *
 * @param devLoopbackTrust serve every endpoint to loopback callers without credentials; honoured only while the
 *                         {@code dev} profile is active (application-dev.yml sets it), refused otherwise
 * @param customers        how customers' tokens are checked, and whether the widget may get anonymous ones
 * @param bootstrapAdmin   the first operator account, created when there is none
 * @param auditKey         HMAC key of the operator audit chain; empty = a key file beside the data, owner-only
 * @param columnKey        AES-256 key (base64) of encrypted columns; empty = a key file beside the data, owner-only
 */
@ConfigurationProperties("finassist.security")
record SecurityProperties(boolean devLoopbackTrust, Customers customers, BootstrapAdmin bootstrapAdmin,
                          String auditKey, String columnKey) {

    SecurityProperties {
        customers = customers == null ? new Customers(null, null, null, true, null) : customers;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(true, null, null) : bootstrapAdmin;
        auditKey = auditKey == null ? "" : auditKey;
        columnKey = columnKey == null ? "" : columnKey;
    }

    /**
     * @param jwtSecret          HS256 key shared with the brokerage app (at least 32 bytes); empty = a random key per
     *                           start (one node, anonymous widget tokens only)
     * @param jwkSetUri          the issuer's JWKS instead of a shared secret (RS256/ES256); wins over the secret
     * @param issuer             required {@code iss} when set
     * @param anonymousTokens    {@code POST /api/widget/token} issues anonymous customer tokens (the demo widget)
     * @param anonymousTokenTtl  their lifetime
     */
    record Customers(String jwtSecret, String jwkSetUri, String issuer, boolean anonymousTokens,
                     Duration anonymousTokenTtl) {

        Customers {
            jwtSecret = jwtSecret == null ? "" : jwtSecret.strip();
            jwkSetUri = jwkSetUri == null ? "" : jwkSetUri.strip();
            issuer = issuer == null ? "" : issuer.strip();
            anonymousTokenTtl = anonymousTokenTtl == null ? Duration.ofHours(2) : anonymousTokenTtl;
        }
    }

    /**
     * @param enabled  create the account when no operator exists
     * @param username its name ({@code admin})
     * @param password its password; empty = generated and printed once on the console
     */
    record BootstrapAdmin(boolean enabled, String username, String password) {

        BootstrapAdmin {
            username = username == null || username.isBlank() ? "admin" : username.strip();
            password = password == null ? "" : password;
        }
    }
}
