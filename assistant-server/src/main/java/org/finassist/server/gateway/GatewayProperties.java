package org.finassist.server.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code finassist.gateway.*}: {@code max-body-bytes} caps a request body (default 1 MiB). */
@ConfigurationProperties("finassist.gateway")
record GatewayProperties(Integer maxBodyBytes) {

    GatewayProperties {
        maxBodyBytes = maxBodyBytes == null || maxBodyBytes <= 0 ? 1 << 20 : maxBodyBytes;
    }
}
