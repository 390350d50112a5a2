package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.FakeUpstreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-rate guard over real HTTP, each scenario from its own loopback address (127.0.0.x is another client
 * to the server): anonymous widget tokens per address, every request per address, every request per API key across
 * addresses, and forwarded addresses honoured only from the configured proxy (127.0.0.9). Small limits with a long
 * period, so no bucket refills while a test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finassist.security.dev-loopback-trust=false",
        "finassist.security.bootstrap-admin.password=" + Identities.ADMIN_PASSWORD,
        "finassist.security.rate-limits.enabled=true",
        "finassist.security.rate-limits.per-address.requests=12",
        "finassist.security.rate-limits.per-address.period=1h",
        "finassist.security.rate-limits.per-caller.requests=8",
        "finassist.security.rate-limits.per-caller.period=1h",
        "finassist.security.rate-limits.widget-token.requests=3",
        "finassist.security.rate-limits.widget-token.period=1h",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.9"})
class RateLimitIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        FakeUpstreams.register(r);
    }

    private RawHttp.Response get(String from, String target, String... headers) throws Exception {
        return RawHttp.exchange(from, port, "GET", target, null, headers);
    }

    private static void assertRefused(RawHttp.Response r, boolean openAiShape) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 3600L);
        JsonNode body = JSON.readTree(r.body());
        if (openAiShape) {
            assertThat(body.path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(body.path("error").path("message").asText()).contains("retry after");
        } else {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(body.path("status").asInt()).isEqualTo(429);
            assertThat(body.path("code").asText()).isEqualTo("rate_limited");
            assertThat(body.path("message").asText()).isEqualTo("请求太频繁了，请稍后再试。");
        }
    }

    @Test
    void anonymousWidgetTokensAreLimitedPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            RawHttp.Response r = RawHttp.exchange("127.0.0.2", port, "POST", "/api/widget/token", "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertRefused(RawHttp.exchange("127.0.0.2", port, "POST", "/api/widget/token", ""), false);
        // another address mints its own; the refused one may still do other things
        assertThat(RawHttp.exchange("127.0.0.3", port, "POST", "/api/widget/token", "").status()).isEqualTo(200);
        assertThat(get("127.0.0.2", "/api/chat/feedback").status()).isEqualTo(401);
    }

    @Test
    void everyRequestOfOneAddressCountsEvenUnauthenticatedOnes() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(get("127.0.0.4", "/admin/api-keys", "Authorization: Basic YWRtaW46d3Jvbmc=").status())
                    .as("attempt %d", i).isEqualTo(401);
        }
        assertRefused(get("127.0.0.4", "/admin/api-keys", "Authorization: Basic YWRtaW46d3Jvbmc="), false);
        assertRefused(get("127.0.0.4", "/v1/models"), true);
        assertThat(get("127.0.0.5", "/admin/api-keys").status()).isEqualTo(401);
        // health probes are never counted: a load balancer's polling does not lock out the clients behind it
        assertThat(get("127.0.0.4", "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anApiKeyIsLimitedAcrossAddresses() throws Exception {
        String admin = "Authorization: " + Identities.basic("admin", Identities.ADMIN_PASSWORD);
        RawHttp.Response created = RawHttp.exchange("127.0.0.6", port, "POST", "/admin/api-keys",
                JSON.writeValueAsString(Map.of("name", "rate-limited", "scopes", List.of("gateway"))), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = "Authorization: Bearer " + JSON.readTree(created.body()).path("key").asText();
        List<String> addresses = List.of("127.0.0.7", "127.0.0.8");
        for (int i = 0; i < 8; i++) {
            assertThat(get(addresses.get(i % 2), "/v1/models", key).status()).as("request %d", i).isEqualTo(200);
        }
        assertRefused(get("127.0.0.10", "/v1/models", key), true);
        // the addresses themselves still have room: it was the key's bucket
        assertThat(get("127.0.0.7", "/v1/models").status()).isEqualTo(401);
    }

    @Test
    void forwardedAddressesCountOnlyFromTheTrustedProxy() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(get("127.0.0.9", "/api/chat/feedback", "X-Forwarded-For: 203.0.113.7").status())
                    .isEqualTo(401);
        }
        assertRefused(get("127.0.0.9", "/api/chat/feedback", "X-Forwarded-For: 203.0.113.7"), false);
        // another client behind the same proxy has its own bucket
        assertThat(get("127.0.0.9", "/api/chat/feedback", "X-Forwarded-For: 203.0.113.8").status()).isEqualTo(401);

        // a caller that is not the proxy cannot escape its bucket by inventing forwarded addresses
        for (int i = 0; i < 12; i++) {
            assertThat(get("127.0.0.11", "/api/chat/feedback", "X-Forwarded-For: 198.51.100." + i).status())
                    .isEqualTo(401);
        }
        assertRefused(get("127.0.0.11", "/api/chat/feedback", "X-Forwarded-For: 198.51.100.99"), false);
    }
}
