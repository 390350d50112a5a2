package org.finassist.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code finassist.security.*}.
 *
 * @param loopbackWithoutKey serve loopback clients without a key (the embedded default); set false in production
 * @param adminToken         bearer token for /admin from other hosts; empty = /admin is loopback-only
 */
@ConfigurationProperties("finassist.security")
record SecurityProperties(Boolean loopbackWithoutKey, String adminToken) {

    SecurityProperties {
        loopbackWithoutKey = loopbackWithoutKey == null || loopbackWithoutKey;
        adminToken = adminToken == null ? "" : adminToken;
    }
}
