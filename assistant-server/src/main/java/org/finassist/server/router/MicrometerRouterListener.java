package org.finassist.server.router;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.router.RouterListener;

import java.util.concurrent.TimeUnit;

/**
 * Router metrics per provider and route: requests, errors by kind, fallbacks, latency and time-to-first-token
 * histograms, tokens and cost. Also remembers, per thread, how long the last answer waited upstream, so the
 * gateway can record its own overhead.
 */
final class MicrometerRouterListener implements RouterListener {

    private static final ThreadLocal<long[]> UPSTREAM = ThreadLocal.withInitial(() -> new long[1]);

    private final MeterRegistry registry;

    MicrometerRouterListener(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Upstream nanoseconds of the last answer completed on this thread. */
    static long lastUpstreamNanos() {
        return UPSTREAM.get()[0];
    }

    @Override
    public void attempt(String route, Attempt a) {
        Counter.builder("finassist.router.attempts").description("Candidate attempts by outcome")
                .tags("route", route, "provider", a.provider(), "outcome", a.outcome(),
                        "reason", a.reason() == null ? "none" : a.reason())
                .register(registry).increment();
        if (!a.ok()) {
            Counter.builder("finassist.router.fallbacks").description("Candidates failed or skipped")
                    .tags("route", route, "provider", a.provider()).register(registry).increment();
        }
        if ("failed".equals(a.outcome())) {
            Counter.builder("finassist.router.errors").description("Provider errors by kind")
                    .tags("provider", a.provider(), "kind", a.reason()).register(registry).increment();
        }
    }

    @Override
    public void completed(String route, Completion c, long latencyNanos, long firstTokenNanos, long upstreamNanos) {
        UPSTREAM.get()[0] = upstreamNanos;
        String provider = c.provider();
        Counter.builder("finassist.router.requests").description("Answers delivered")
                .tags("route", route, "provider", provider).register(registry).increment();
        Timer.builder("finassist.router.latency").description("Answer latency incl. failover")
                .tags("route", route, "provider", provider).register(registry).record(latencyNanos, TimeUnit.NANOSECONDS);
        Timer.builder("finassist.router.ttft").description("Time to first token")
                .tags("route", route, "provider", provider).register(registry).record(firstTokenNanos, TimeUnit.NANOSECONDS);
        tokens(provider, c.model(), "prompt", c.usage().promptTokens());
        tokens(provider, c.model(), "completion", c.usage().completionTokens());
        tokens(provider, c.model(), "reasoning", c.usage().reasoningTokens());
        tokens(provider, c.model(), "cache_hit", c.usage().cacheHitTokens());
        DistributionSummary.builder("finassist.router.cost").baseUnit("cny").description("Cost of answers in CNY")
                .tags("provider", provider, "model", c.model()).register(registry).record(c.costCny().doubleValue());
    }

    @Override
    public void failed(String route, String kind) {
        Counter.builder("finassist.router.failures").description("Requests that ended in an error")
                .tags("route", route, "kind", kind).register(registry).increment();
    }

    private void tokens(String provider, String model, String type, int n) {
        if (n > 0) {
            Counter.builder("finassist.router.tokens").tags("provider", provider, "model", model, "type", type)
                    .register(registry).increment(n);
        }
    }
}
