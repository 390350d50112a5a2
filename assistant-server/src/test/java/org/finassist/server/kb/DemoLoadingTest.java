package org.finassist.server.kb;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Questions asked during the demo knowledge base's first load wait for it, bounded; otherwise nobody waits. */
class DemoLoadingTest {

    @Test
    void aQuestionDuringTheFirstLoadWaitsUntilItEnds() throws Exception {
        DemoLoading loading = new DemoLoading(true);
        CompletableFuture<Void> asked = CompletableFuture.runAsync(() -> loading.await(Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertThat(asked).as("still loading").isNotDone();
        loading.done();
        asked.get(5, TimeUnit.SECONDS);
        assertThat(loading.pending()).isFalse();
    }

    @Test
    void theWaitIsBoundedAndNothingWaitsWhenNoLoadIsPending() {
        DemoLoading stuck = new DemoLoading(true);
        long start = System.nanoTime();
        stuck.await(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(stuck.pending()).as("a late load still counts as pending").isTrue();

        DemoLoading none = new DemoLoading(false);
        assertThat(none.pending()).isFalse();
        none.await(Duration.ofDays(1)); // returns at once
    }
}
