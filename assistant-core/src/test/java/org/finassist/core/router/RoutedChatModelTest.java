package org.finassist.core.router;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.provider.Flavor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The router's result crosses the langchain4j seam as typed {@link RouteMetadata}, not as string-keyed attributes. */
class RoutedChatModelTest {

    private final FakeUpstream upstream = FakeUpstream.start("deepseek");

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void aProviderAnswerCarriesProviderModelUsageCostAndTrail() {
        upstream.enqueue(Script.ok("开盘时间为9:30。"));
        ChatResponse r = model().chat(ChatRequest.builder().messages(UserMessage.from("几点开盘")).build());

        RouteMetadata m = RouteMetadata.of(r).orElseThrow();
        assertThat(m.provider()).isEqualTo("a");
        assertThat(m.model()).isEqualTo("chat");
        assertThat(m.isLocal()).isFalse();
        assertThat(m.usage().promptTokens()).isPositive();
        assertThat(m.costCny()).isGreaterThan(BigDecimal.ZERO);
        assertThat(m.trail()).isNotNull();
        assertThat(m.tokenUsage().inputTokenCount()).isEqualTo(m.usage().promptTokens());
        assertThat(r.aiMessage().attributes()).isEmpty();
        assertThat(m.toBuilder().build()).isEqualTo(m);
    }

    @Test
    void theLocalModelIsRecognisedWhenEveryProviderFails() {
        upstream.always(Script.status(500, "down"));
        ChatResponse r = model().chat(ChatRequest.builder().messages(UserMessage.from("几点开盘")).build());

        assertThat(RouteMetadata.answeredLocally(r)).isTrue();
        assertThat(RouteMetadata.of(r).orElseThrow().costCny()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private RoutedChatModel model() {
        ModelRouter router = Routers.router(Routers.config(List.of(
                Routers.provider("a", Flavor.DEEPSEEK, upstream.baseUrl(), "key-a", 8, Routers.model("chat"))),
                Routers.route("qa", "a:chat"), 4, Duration.ofMillis(300)), null);
        return new RoutedChatModel(router, "qa");
    }
}
