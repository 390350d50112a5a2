package org.finassist.server.router;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Usage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerRouterListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerRouterListener listener = new MicrometerRouterListener(registry);

    private static Completion answer(String provider, String model, Usage usage, String cost) {
        return new Completion("id", "答", null, null, "stop", usage, new BigDecimal(cost), provider, model, null);
    }

    @Test
    void answersAddUpPerRouteProviderAndModel() {
        listener.completed("qa", answer("ds", "chat", new Usage(10, 5, 2, 4), "0.001"), 2_000_000, 1_000_000, 900_000);
        listener.completed("qa", answer("ds", "chat", new Usage(20, 7, 0, 0), "0.002"), 4_000_000, 3_000_000, 900_000);
        listener.completed("qa", answer("sf", "step", new Usage(1, 1, 0, 0), "0.0005"), 1_000_000, 500_000, 400_000);

        assertThat(registry.get("finassist.router.requests").tags("route", "qa", "provider", "ds").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("finassist.router.requests").tags("route", "qa", "provider", "sf").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("finassist.router.tokens").tags("provider", "ds", "model", "chat", "type", "prompt")
                .counter().count()).isEqualTo(30);
        assertThat(registry.get("finassist.router.tokens").tags("provider", "ds", "model", "chat", "type", "cache_hit")
                .counter().count()).isEqualTo(4);
        assertThat(registry.get("finassist.router.latency").tags("route", "qa", "provider", "ds").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6);
        assertThat(registry.get("finassist.router.cost").tags("provider", "ds", "model", "chat").summary().totalAmount())
                .isEqualTo(0.003, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MicrometerRouterListener.lastUpstreamNanos()).isEqualTo(400_000);
    }

    @Test
    void onlyFailedOrSkippedAttemptsCountAsFallbacksAndOnlyFailuresAsErrors() {
        listener.attempt("qa", new Attempt("ds", "chat", "failed", "timeout", 0, null, 10));
        listener.attempt("qa", new Attempt("ds", "chat", "failed", "timeout", 0, null, 10));
        listener.attempt("qa", new Attempt("sf", "step", "skipped", "circuit_open", 0, null, 0));
        listener.attempt("qa", new Attempt("sf", "step", "ok", null, 200, null, 10));

        assertThat(registry.get("finassist.router.attempts").tags("provider", "ds", "outcome", "failed", "reason",
                "timeout").counter().count()).isEqualTo(2);
        assertThat(registry.get("finassist.router.attempts").tags("provider", "sf", "outcome", "ok", "reason", "none")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("finassist.router.fallbacks").tags("provider", "ds").counter().count()).isEqualTo(2);
        assertThat(registry.get("finassist.router.fallbacks").tags("provider", "sf").counter().count()).isEqualTo(1);
        assertThat(registry.get("finassist.router.errors").tags("provider", "ds", "kind", "timeout").counter().count())
                .isEqualTo(2);
        assertThat(registry.find("finassist.router.errors").tags("provider", "sf").counter()).isNull();
    }
}
