package org.finassist.server.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers' signed tokens: checks them (the brokerage app's HS256 shared secret, or its issuer's JWKS) and, when
 * allowed, issues anonymous ones to the demo widget. Subject = customer id; no claim in the token grants more
 * than the customer role.
 */
final class CustomerTokens {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerTokens.class);
    static final String ANONYMOUS_PREFIX = "anon-";

    /** An issued token. */
    record Issued(String token, String subject, long expiresIn) {
    }

    private final SecurityProperties.Customers config;
    private final SecretKey secret;
    private final JwtDecoder decoder;
    private final NimbusJwtEncoder encoder;

    CustomerTokens(SecurityProperties.Customers config) {
        this.config = config;
        this.secret = config.jwkSetUri().isEmpty() ? secretKey(config.jwtSecret()) : null;
        NimbusJwtDecoder d = secret != null
                ? NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build()
                : NimbusJwtDecoder.withJwkSetUri(config.jwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtTimestampValidator()));
        if (!config.issuer().isEmpty()) {
            validators.add(new JwtIssuerValidator(config.issuer()));
        }
        validators.add(jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank()
                ? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success()
                : org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
                        new org.springframework.security.oauth2.core.OAuth2Error("invalid_token", "no subject", null)));
        d.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        this.decoder = d;
        this.encoder = secret == null ? null : new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(secret));
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** An anonymous customer token, when this server issues them (HS256 and {@code anonymous-tokens}). */
    Optional<Issued> issueAnonymous() {
        if (encoder == null || !config.anonymousTokens()) {
            return Optional.empty();
        }
        String subject = ANONYMOUS_PREFIX + UUID.randomUUID();
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(now)
                .expiresAt(now.plus(config.anonymousTokenTtl())).claim("anonymous", true);
        if (!config.issuer().isEmpty()) {
            claims.issuer(config.issuer());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return Optional.of(new Issued(token, subject, config.anonymousTokenTtl().toSeconds()));
    }

    private static SecretKey secretKey(String configured) {
        byte[] bytes;
        if (configured.isEmpty()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            LOG.info("Customer tokens are signed with a random key made at start: tokens die with this process and"
                    + " only this node accepts them. Set finassist.security.customers.jwt-secret for several nodes"
                    + " or for the brokerage app's own tokens.");
        } else {
            bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("finassist.security.customers.jwt-secret must be at least 32 bytes"
                        + " (HS256)");
            }
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
