package org.finassist.server.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OpsHistoryTest {

    @Test
    void keepsTheNewestSamplesOldestFirst() {
        AtomicInteger n = new AtomicInteger();
        try (OpsHistory h = new OpsHistory(() -> new OpsHistory.Sample("t" + n.incrementAndGet(), List.of()),
                Duration.ofHours(1), 3)) {
            assertThat(h.samples()).isEmpty();
            for (int i = 0; i < 5; i++) {
                h.sample();
            }
            assertThat(h.samples()).extracting(OpsHistory.Sample::at).containsExactly("t3", "t4", "t5");
        }
    }
}
