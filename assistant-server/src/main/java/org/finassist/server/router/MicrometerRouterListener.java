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
    /** Meters by name and tags: registering per call costs an id build and a registry look-up each time. */
    private final java.util.concurrent.ConcurrentHashMap<String, Object> meters = new java.util.concurrent.ConcurrentHashMap<>();

    MicrometerRouterListener(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Upstream nanoseconds of the last answer completed on this thread. */
    static long lastUpstreamNanos() {
        return UPSTREAM.get()[0];
    }

    @Override
    public void attempt(String route, Attempt a) {
        counter("finassist.router.attempts", "Candidate attempts by outcome", "route", route, "provider",
                a.provider(), "outcome", a.outcome(), "reason", a.reason() == null ? "none" : a.reason()).increment();
        if (!a.ok()) {
            counter("finassist.router.fallbacks", "Candidates failed or skipped", "route", route, "provider",
                    a.provider()).increment();
        }
        if ("failed".equals(a.outcome())) {
            counter("finassist.router.errors", "Provider errors by kind", "provider", a.provider(), "kind",
                    a.reason()).increment();
        }
    }

    @Override
    public void completed(String route, Completion c, long latencyNanos, long firstTokenNanos, long upstreamNanos) {
        UPSTREAM.get()[0] = upstreamNanos;
        String provider = c.provider();
        counter("finassist.router.requests", "Answers delivered", "route", route, "provider", provider).increment();
        timer("finassist.router.latency", "Answer latency incl. failover", route, provider)
                .record(latencyNanos, TimeUnit.NANOSECONDS);
        timer("finassist.router.ttft", "Time to first token", route, provider)
                .record(firstTokenNanos, TimeUnit.NANOSECONDS);
        tokens(provider, c.model(), "prompt", c.usage().promptTokens());
        tokens(provider, c.model(), "completion", c.usage().completionTokens());
        tokens(provider, c.model(), "reasoning", c.usage().reasoningTokens());
        tokens(provider, c.model(), "cache_hit", c.usage().cacheHitTokens());
        ((DistributionSummary) meters.computeIfAbsent("cost|" + provider + "|" + c.model(), k ->
                DistributionSummary.builder("finassist.router.cost").baseUnit("cny").description("Cost of answers in CNY")
                        .tags("provider", provider, "model", c.model()).register(registry)))
                .record(c.costCny().doubleValue());
    }

    @Override
    public void cancelled(String route) {
        counter("finassist.router.cancellations", "Requests whose caller went away; the upstream call was aborted",
                "route", route).increment();
    }

    /** Kept apart from answered tokens and cost so dashboards can tell what was paid for nothing delivered. */
    @Override
    public void billedInterrupted(String route, String provider, String model, org.finassist.core.chat.Usage usage,
                                  java.math.BigDecimal costCny, boolean estimated) {
        String est = String.valueOf(estimated);
        counter("finassist.router.interrupted.tokens", "Tokens of interrupted calls (the provider bills them)",
                "provider", provider, "model", model, "type", "prompt", "estimated", est).increment(usage.promptTokens());
        counter("finassist.router.interrupted.tokens", "Tokens of interrupted calls (the provider bills them)",
                "provider", provider, "model", model, "type", "completion", "estimated", est)
                .increment(usage.completionTokens());
        ((DistributionSummary) meters.computeIfAbsent("icost|" + provider + "|" + model + "|" + est, k ->
                DistributionSummary.builder("finassist.router.interrupted.cost").baseUnit("cny")
                        .description("Cost in CNY of interrupted calls").tags("provider", provider, "model", model,
                                "estimated", est).register(registry)))
                .record(costCny.doubleValue());
    }

    @Override
    public void failed(String route, String kind) {
        counter("finassist.router.failures", "Requests that ended in an error", "route", route, "kind", kind)
                .increment();
    }

    private void tokens(String provider, String model, String type, int n) {
        if (n > 0) {
            counter("finassist.router.tokens", "Tokens by type", "provider", provider, "model", model, "type", type)
                    .increment(n);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return (Counter) meters.computeIfAbsent(name + "|" + String.join("|", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    private Timer timer(String name, String description, String route, String provider) {
        return (Timer) meters.computeIfAbsent(name + "|" + route + "|" + provider,
                k -> Timer.builder(name).description(description).tags("route", route, "provider", provider)
                        .register(registry));
    }
}
