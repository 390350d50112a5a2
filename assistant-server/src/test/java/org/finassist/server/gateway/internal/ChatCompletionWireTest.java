package org.finassist.server.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.Usage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionWireTest {

    private static final RouteTrail TRAIL = new RouteTrail("qa", List.of(
            new Attempt("ds", "chat", "failed", "timeout", 0, "read timed out", 1200),
            new Attempt("sf", "step", "ok", null, 200, null, 800)));

    @Test
    void aWholeAnswerHasOpenAisShapeWithUsageAndTheTrail() throws Exception {
        Completion c = new Completion("x", "交易时间为9:30—11:30、13:00—15:00。\"引号\"", "先想", null, null,
                new Usage(50, 20, 4, 30), new BigDecimal("0.000215"), "sf", "step", TRAIL);

        JsonNode root = ChatCompletionWire.JSON.readTree(ChatCompletionWire.response("chatcmpl-1", 1_700_000_000L,
                "finassist-qa", c));

        assertThat(root.path("id").asText()).isEqualTo("chatcmpl-1");
        assertThat(root.path("object").asText()).isEqualTo("chat.completion");
        assertThat(root.path("created").asLong()).isEqualTo(1_700_000_000L);
        assertThat(root.path("model").asText()).isEqualTo("finassist-qa");
        JsonNode choice = root.path("choices").path(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo(c.content());
        assertThat(choice.path("message").path("reasoning_content").asText()).isEqualTo("先想");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(root.path("usage").path("total_tokens").asInt()).isEqualTo(70);
        assertThat(root.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(30);
        assertThat(root.path("usage").path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(4);
        JsonNode meta = root.path("finassist");
        assertThat(meta.path("provider").asText()).isEqualTo("sf");
        assertThat(meta.path("route").asText()).isEqualTo("qa");
        assertThat(meta.path("cost_cny").asText()).isEqualTo("0.000215");
        assertThat(meta.path("trail")).hasSize(2);
        assertThat(meta.path("trail").path(0).path("reason").asText()).isEqualTo("timeout");
        assertThat(meta.path("trail").path(0).path("durationMicros").asLong()).isEqualTo(1200);
        assertThat(meta.path("trail").path(1).path("reason").isNull()).isTrue();
    }

    @Test
    void toolCallsPassThroughAndNoReasoningMeansNoField() throws Exception {
        Map<String, Object> call = Map.of("id", "call_1", "type", "function",
                "function", Map.of("name", "quote", "arguments", "{\"code\":\"600519\"}"));
        Completion c = new Completion("x", null, null, List.of(call), "tool_calls", null, null, "ds", "chat", null);

        JsonNode message = ChatCompletionWire.JSON.readTree(ChatCompletionWire.response("id", 1, "ds:chat", c))
                .path("choices").path(0);

        assertThat(message.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(message.path("message").has("reasoning_content")).isFalse();
        assertThat(message.path("message").path("content").isNull()).as("OpenAI sends null beside tool calls").isTrue();
        assertThat(message.path("message").path("tool_calls").path(0).path("function").path("arguments").asText())
                .isEqualTo("{\"code\":\"600519\"}");
    }
}
