package org.finassist.server.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finassist.gateway.*}.
 *
 * @param maxBodyBytes caps a request body (default 1 MiB)
 * @param pingInterval idle time after which a stream gets a {@code : ping} comment (default 2 s); it also bounds
 *                     how long a client that left before the first token goes unnoticed
 * @param customerFacingKeys names of the API keys whose callers show answers to retail customers: their answers pass
 *                     the answer gate (streamed sentence by sentence, like /api/chat); other keys stay pass-through
 */
@ConfigurationProperties("finassist.gateway")
record GatewayProperties(Integer maxBodyBytes, Duration pingInterval, java.util.Set<String> customerFacingKeys) {

    GatewayProperties {
        maxBodyBytes = maxBodyBytes == null || maxBodyBytes <= 0 ? 1 << 20 : maxBodyBytes;
        pingInterval = pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()
                ? Duration.ofSeconds(2) : pingInterval;
        customerFacingKeys = customerFacingKeys == null ? java.util.Set.of() : java.util.Set.copyOf(customerFacingKeys);
    }
}
