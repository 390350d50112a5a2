package org.finassist.core.provider;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the router relies on from every {@link ProviderClient}: a configuration naming the models it serves, a whole
 * answer with usage but no cost or trail (the router adds those), a stream whose deltas add up to the answer it
 * returns, and calls from several threads at once. Subclasses give the client (and its upstream, if any).
 */
public abstract class ProviderClientContract {

    protected abstract ProviderClient client();

    protected CompletionRequest request(String question) {
        return new CompletionRequest("qa", List.of(Message.system("你是证券公司的客服助手。"), Message.user(question)),
                Map.of(), new Grounding(List.of(), Map.of(), "开户需要本人有效身份证件和银行卡，全程约10分钟。"), null);
    }

    private ModelSpec model(ProviderClient client) {
        return client.config().models().getFirst();
    }

    private static Instant deadline() {
        return Instant.now().plusSeconds(30);
    }

    @Test
    void itsConfigurationNamesItAndTheModelsItServes() {
        ProviderConfig config = client().config();
        assertThat(config.id()).isNotBlank();
        assertThat(config.flavor()).isNotNull();
        assertThat(config.models()).isNotEmpty();
        assertThat(config.models()).extracting(ModelSpec::alias).doesNotHaveDuplicates().allSatisfy(a ->
                assertThat(a).isNotBlank());
    }

    @Test
    void aWholeAnswerCarriesUsageButNoCostOrTrail() {
        ProviderClient client = client();
        Completion c = client.complete(request("开户要准备什么？"), model(client), deadline());
        assertThat(c.content()).isNotBlank();
        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.usage()).isNotNull();
        assertThat(c.usage().promptTokens()).isPositive();
        assertThat(c.usage().completionTokens()).isPositive();
        assertThat(c.costCny()).as("the router prices answers").isZero();
        assertThat(c.trail()).as("the router writes the trail").isNull();
        assertThat(c.toolCalls()).isEmpty();
    }

    @Test
    void aStreamsDeltasAddUpToTheAnswerItReturns() {
        ProviderClient client = client();
        List<String> deltas = new CopyOnWriteArrayList<>();
        Completion c = client.stream(request("开户要准备什么？"), model(client), deadline(), new StreamSink() {
            @Override
            public void reasoning(String delta) {
            }

            @Override
            public void content(String delta) {
                deltas.add(delta);
            }

            @Override
            public void toolCall(Map<String, Object> delta) {
            }
        });
        assertThat(deltas).isNotEmpty().allSatisfy(d -> assertThat(d).isNotEmpty());
        assertThat(String.join("", deltas)).isEqualTo(c.content());
        assertThat(c.content()).isNotBlank();
        assertThat(c.usage()).isNotNull();
        assertThat(c.usage().completionTokens()).isPositive();
    }

    @Test
    void answersCallsFromSeveralThreadsAtOnce() throws Exception {
        ProviderClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Completion>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> client.complete(request("开户要准备什么？"), model(client), deadline())));
            }
            for (Future<Completion> call : calls) {
                assertThat(call.get().content()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
