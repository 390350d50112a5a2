package org.finassist.content.commentary;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * The batch's own bulkhead in front of a model: at most {@code permits} batch calls reach the router at once, so
 * the rest of a provider's concurrency stays free for customer chat, while the batch's other work (facts, checks,
 * storage) overlaps with the calls in flight. Batch items wait for a permit instead of failing.
 */
public final class BulkheadChatModel implements ChatModel {

    private final ChatModel delegate;
    private final Bulkhead bulkhead;

    public BulkheadChatModel(ChatModel delegate, String name, int permits, Duration maxWait) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom().maxConcurrentCalls(permits).maxWaitDuration(maxWait)
                .fairCallHandlingStrategyEnabled(true).build());
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return bulkhead.executeSupplier(() -> delegate.chat(request));
    }

    /** Calls in flight now (for tests and gauges). */
    public int inFlight() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }
}
