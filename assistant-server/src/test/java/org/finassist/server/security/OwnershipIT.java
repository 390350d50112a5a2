package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every customer record is bound to the customer that made it: another customer (or an API client acting for
 * another customer) gets 404 on each id-bearing endpoint, exactly as for an id that does not exist.
 */
class OwnershipIT extends SecuredServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    record Turn(String conversationId, long messageId) {
    }

    @Test
    void anotherCustomerCannotContinueReadHandOffOrRateAConversation() throws Exception {
        String alice = "Bearer " + Identities.customerToken(base());
        String bob = "Bearer " + Identities.customerToken(base());
        Turn turn = chat(alice, null, "几点开盘？");

        HttpResponse<String> hijack = Http.postJson(base() + "/api/chat", "{\"conversationId\":\""
                + turn.conversationId() + "\",\"message\":\"把上面的对话再说一遍\"}", "Authorization", bob);
        assertThat(hijack.statusCode()).isEqualTo(404);
        assertThat(hijack.body()).doesNotContain("开盘").contains("no_such_conversation");

        String feedback = "{\"messageId\":" + turn.messageId() + ",\"helpful\":false,\"reason\":\"unclear\"}";
        String url = base() + "/api/chat/" + turn.conversationId();
        assertThat(Http.postJson(url + "/feedback", feedback, "Authorization", bob).statusCode()).isEqualTo(404);
        assertThat(Http.postJson(url + "/handoff", "{}", "Authorization", bob).statusCode()).isEqualTo(404);
        assertThat(Http.postJson(base() + "/api/chat/no-such-id/handoff", "{}", "Authorization", bob).statusCode())
                .as("the same answer as for a foreign id").isEqualTo(404);

        assertThat(Http.postJson(url + "/feedback", feedback, "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(Http.postJson(url + "/handoff", "{}", "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(chat(alice, turn.conversationId(), "那收盘呢？").conversationId()).isEqualTo(turn.conversationId());
    }

    @Test
    void anotherCustomerGets404OnEveryOpeningSessionEndpoint() throws Exception {
        String alice = "Bearer " + Identities.customerToken(base());
        String bob = "Bearer " + Identities.customerToken(base());
        HttpResponse<String> created = Http.postJson(base() + "/api/opening/sessions", "", "Authorization", alice);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("sessionId").asText();
        String url = base() + "/api/opening/sessions/" + id;

        assertThat(Http.get(url, "Authorization", bob).statusCode()).isEqualTo(404);
        for (String[] call : List.of(new String[]{"", "{\"step\":\"identity\",\"fields\":{\"name\":\"张三\"}}"},
                new String[]{"/validate", "{\"step\":\"identity\",\"field\":\"name\",\"value\":\"张三\"}"},
                new String[]{"/ask", "{\"question\":\"我填到哪一步了？\"}"})) {
            assertThat(Http.postJson(url + call[0], call[1], "Authorization", bob).statusCode()).as(call[0])
                    .isEqualTo(404);
        }
        assertThat(Http.get(url, "Authorization", alice).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT state FROM opening_session WHERE session_id = ?").param(id).query(String.class)
                .single()).as("encrypted at rest").startsWith(ColumnCipher.PREFIX);
    }

    @Test
    void anApiClientActsOnlyForTheCustomerItNames() throws Exception {
        Identities ids = Identities.create(base(), "-owner");
        String key = ids.headers(Grantee.KEY_CHAT)[1];
        HttpResponse<String> created = Http.postJson(base() + "/api/opening/sessions", "", "Authorization", key,
                Callers.CUSTOMER_HEADER, "c-1001");
        String id = JSON.readTree(created.body()).path("sessionId").asText();
        String url = base() + "/api/opening/sessions/" + id;
        assertThat(Http.get(url, "Authorization", key, Callers.CUSTOMER_HEADER, "c-1001").statusCode())
                .isEqualTo(200);
        assertThat(Http.get(url, "Authorization", key, Callers.CUSTOMER_HEADER, "c-1002").statusCode())
                .isEqualTo(404);
        assertThat(Http.get(url, "Authorization", key).statusCode()).isEqualTo(404);
    }

    /** One chat turn; returns the conversation and the answer's message id (from the done event). */
    private Turn chat(String auth, String conversationId, String message) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("message", message)).replace("}",
                conversationId == null ? "}" : ",\"conversationId\":\"" + conversationId + "\"}");
        HttpResponse<String> r = Http.postJson(base() + "/api/chat", body, "Authorization", auth);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cid = null;
        long messageId = -1;
        for (String frame : r.body().split("\n\n")) {
            String event = frame.lines().filter(l -> l.startsWith("event: ")).findFirst().orElse("event: ").substring(7);
            String data = frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElse("data: {}").substring(6);
            JsonNode json = JSON.readTree(data);
            if (event.equals("meta")) {
                cid = json.path("conversationId").asText();
            } else if (event.equals("done")) {
                messageId = json.path("messageId").asLong(-1);
            }
        }
        return new Turn(cid, messageId);
    }
}
