package org.finassist.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFilterTest {

    private final ApiKeyFilter filter = new ApiKeyFilter(null, null);

    private static MockHttpServletRequest request(String method, String path, String... headers) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.addHeader(headers[i], headers[i + 1]);
        }
        return r;
    }

    @Test
    void onlyCorsPreflightsOfGuardedPathsPassWithoutAKey() {
        assertThat(filter.shouldNotFilter(request("OPTIONS", "/api/chat", "Origin", "https://broker.example",
                "Access-Control-Request-Method", "POST"))).isTrue();
        assertThat(filter.shouldNotFilter(request("OPTIONS", "/api/chat"))).isFalse();
        assertThat(filter.shouldNotFilter(request("OPTIONS", "/api/chat", "Origin", "https://broker.example"))).isFalse();
        assertThat(filter.shouldNotFilter(request("POST", "/api/chat", "Origin", "https://broker.example",
                "Access-Control-Request-Method", "POST"))).isFalse();
        assertThat(filter.shouldNotFilter(request("GET", "/admin/api-keys"))).isFalse();
        assertThat(filter.shouldNotFilter(request("GET", "/widget/finassist-chat.js"))).isTrue();
    }
}
