package org.finassist.server.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code finassist.gateway.*}: {@code max-body-bytes} caps a request body (default 1 MiB);
 * {@code customer-facing-keys} names the API keys whose callers show answers to retail customers: their answers pass
 * the answer gate (streamed sentence by sentence, like /api/chat); other keys stay pass-through.
 */
@ConfigurationProperties("finassist.gateway")
record GatewayProperties(Integer maxBodyBytes, java.util.Set<String> customerFacingKeys) {

    GatewayProperties {
        maxBodyBytes = maxBodyBytes == null || maxBodyBytes <= 0 ? 1 << 20 : maxBodyBytes;
        customerFacingKeys = customerFacingKeys == null ? java.util.Set.of() : java.util.Set.copyOf(customerFacingKeys);
    }
}
