package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.FakeUpstreams;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "finassist.security.loopback-without-key=false")
class ApiKeyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"model\":\"local:grounded\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    @LocalServerPort
    int port;

    @Autowired
    FilterRegistrationBean<ApiKeyFilter> filter;

    @Autowired
    ApiKeyStore store;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        FakeUpstreams.register(r);
    }

    @Test
    void keysAreCreatedOnceStoredHashedAndRequiredOnceTheyExist() throws Exception {
        String base = "http://127.0.0.1:" + port;
        assertThat(remote("10.1.2.3", null).getStatus()).as("no key yet: only loopback").isEqualTo(403);
        assertThat(Http.postJson(base + "/v1/chat/completions", BODY).statusCode()).isEqualTo(200);

        HttpResponse<String> created = Http.postJson(base + "/admin/api-keys", "{\"name\":\"app\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = JSON.readTree(created.body()).path("key").asText();
        assertThat(secret).startsWith("fa-").hasSize(43);
        assertThat(Http.get(base + "/admin/api-keys").body()).doesNotContain(secret).contains("\"name\":\"app\"");

        HttpResponse<String> missing = Http.postJson(base + "/v1/chat/completions", BODY);
        assertThat(missing.statusCode()).isEqualTo(401);
        JsonNode err = JSON.readTree(missing.body()).path("error");
        assertThat(err.path("type").asText()).isEqualTo("authentication_error");
        assertThat(Http.postJson(base + "/v1/chat/completions", BODY, "Authorization", "Bearer fa-wrong").statusCode())
                .isEqualTo(401);
        assertThat(Http.postJson(base + "/v1/chat/completions", BODY, "Authorization", "Bearer " + secret).statusCode())
                .isEqualTo(200);
        assertThat(remote("10.1.2.3", secret).getStatus()).isEqualTo(200);
        assertThat(remote("10.1.2.3", null).getStatus()).isEqualTo(401);

        // revoke it while another key stays active (with no active key at all, loopback is served again)
        Http.postJson(base + "/admin/api-keys", "{\"name\":\"other\"}");
        long id = JSON.readTree(created.body()).path("id").asLong();
        assertThat(store.revoke(id)).isTrue();
        assertThat(Http.postJson(base + "/v1/chat/completions", BODY, "Authorization", "Bearer " + secret).statusCode())
                .isEqualTo(401);
    }

    @Test
    void adminIsLoopbackOnly() throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/admin/api-keys");
        req.setRemoteAddr("192.0.2.7");
        MockHttpServletResponse res = new MockHttpServletResponse();
        filter.getFilter().doFilter(req, res, new MockFilterChain());
        assertThat(res.getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse remote(String address, String key) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", "/v1/chat/completions");
        req.setRemoteAddr(address);
        if (key != null) {
            req.addHeader("Authorization", "Bearer " + key);
        }
        MockHttpServletResponse res = new MockHttpServletResponse();
        res.setStatus(200);
        filter.getFilter().doFilter(req, res, new MockFilterChain());
        return res;
    }
}
