package org.finassist.server.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.finassist.server.keys.KeyPolicy;

/** A key's {@link KeyPolicy} as the JSON of {@code api_keys.policy}; null for a key without limits. */
final class KeyPolicies {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private KeyPolicies() {
    }

    static String write(KeyPolicy policy) {
        if (policy == null || policy.isUnlimited()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(policy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPolicy read(String json) {
        if (json == null || json.isBlank()) {
            return KeyPolicy.NONE;
        }
        try {
            return JSON.readValue(json, KeyPolicy.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a row edited by hand into nonsense must not open the key up: refuse everything until it is fixed
            return new KeyPolicy(java.util.List.of("-"), null, 0, 0L, null, null, null, null, null);
        }
    }
}
