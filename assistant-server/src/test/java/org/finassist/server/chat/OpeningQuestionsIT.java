package org.finassist.server.chat;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/** Free-text questions in the opening flow reach the account-opening route with the current step as context. */
class OpeningQuestionsIT extends SharedServerContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void questionsGoToTheAccountOpeningRouteWithTheStepAndFallBackToTheStepHint() throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/opening/sessions";
        String id = JSON.readTree(Http.postJson(base, "{}").body()).path("sessionId").asText();
        DS.reset();
        DS.always(Script.ok("手机验证需要接收短信验证码。"));
        String answer = JSON.readTree(Http.postJson(base + "/" + id + "/ask", "{\"question\":\"收不到验证码怎么办\"}").body())
                .path("answer").asText();
        assertThat(answer).isEqualTo("手机验证需要接收短信验证码。");
        String system = DS.bodies().getLast().path("messages").get(0).path("content").asText();
        assertThat(system).contains("客户当前所在步骤");

        DS.always(Script.status(503, "overloaded"));
        SF.always(Script.status(503, "overloaded"));
        String fallback = JSON.readTree(Http.postJson(base + "/" + id + "/ask", "{\"question\":\"收不到验证码怎么办\"}").body())
                .path("answer").asText();
        assertThat(fallback).startsWith("当前步骤：");
    }
}
