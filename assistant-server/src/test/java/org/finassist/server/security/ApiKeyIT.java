package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.EventKind;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.RuntimeChannel;
import org.finassist.dh.session.WitnessEngine;
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

    @Autowired
    WitnessEngine engine;

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
    void onlyASupervisorKeyDecidesAWitnessAndTheAuditNamesTheKeyNotTheBody() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String client = JSON.readTree(Http.postJson(base + "/admin/api-keys", "{\"name\":\"app-2\"}").body())
                .path("key").asText();
        HttpResponse<String> sup = Http.postJson(base + "/admin/api-keys", "{\"name\":\"supervisor-li\",\"role\":\"supervisor\"}");
        assertThat(JSON.readTree(sup.body()).path("role").asText()).isEqualTo("supervisor");
        String supervisor = JSON.readTree(sup.body()).path("key").asText();
        assertThat(Http.postJson(base + "/admin/api-keys", "{\"name\":\"x\",\"role\":\"root\"}").statusCode()).isEqualTo(400);

        RuntimeChannel runtime = new RuntimeChannel() {
            public String runtimeId() { return "rt-key"; }
            public int maxSessions() { return 1; }
            public void send(ServerFrame frame) { }
        };
        engine.attach(runtime);
        engine.handle(runtime, new RuntimeFrame.SessionJoin("key-1",
                new Applicant("A-9", "李雷", "11010119900307123X", "示例证券", "普通证券账户")));
        engine.handle(runtime, new RuntimeFrame.Event("key-1", EventKind.SECOND_VOICE, null));
        String decision = "{\"action\":\"approve\",\"supervisor\":\"mallory\"}";
        String url = base + "/api/witness/sessions/key-1/decision";

        HttpResponse<String> refused = Http.postJson(url, decision, "Authorization", "Bearer " + client);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("not a supervisor key");
        assertThat(Http.postJson(url, decision, "Authorization", "Bearer " + supervisor).statusCode()).isEqualTo(200);
        assertThat(engine.auditLog().read("key-1")).extracting(AuditRecord::actor)
                .contains("supervisor:supervisor-li").doesNotContain("supervisor:mallory");
        // leave no active key behind: the other test starts from "no key yet"
        store.list().stream().filter(k -> k.revokedAt() == null).forEach(k -> store.revoke(k.id()));
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
