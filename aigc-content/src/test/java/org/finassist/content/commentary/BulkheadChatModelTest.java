package org.finassist.content.commentary;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BulkheadChatModelTest {

    @Test
    void noMoreThanThePermitsReachTheModelAndTheRestWait() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch full = new CountDownLatch(3);
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                full.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
            }
        };
        BulkheadChatModel bounded = new BulkheadChatModel(slow, "test", 3, Duration.ofMinutes(1));
        AtomicInteger answered = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                pool.submit(() -> {
                    bounded.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build());
                    answered.incrementAndGet();
                });
            }
            full.await();
            assertThat(bounded.inFlight()).isEqualTo(3);
            release.countDown();
        }
        // every call was answered (waiting, not failing) and never more than three were inside at once
        assertThat(answered).hasValue(12);
        assertThat(most).hasValue(3);
    }
}
