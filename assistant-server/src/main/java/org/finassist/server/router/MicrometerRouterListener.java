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
    /** The meters of one delivered answer and of one attempt, found with one look-up each (issue 19 profile). */
    private final java.util.concurrent.ConcurrentHashMap<AnswerKey, AnswerMeters> answers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<AttemptKey, AttemptMeters> attempts =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record AnswerKey(String route, String provider, String model) {
    }

    private record AnswerMeters(Counter requests, Timer latency, Timer ttft, Counter prompt, Counter completion,
                                Counter reasoning, Counter cacheHit, DistributionSummary cost) {
    }

    private record AttemptKey(String route, String provider, String outcome, String reason) {
    }

    /** {@code fallbacks} and {@code errors} are null for an attempt that does not count as one. */
    private record AttemptMeters(Counter attempts, Counter fallbacks, Counter errors) {
    }

    MicrometerRouterListener(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Upstream nanoseconds of the last answer completed on this thread. */
    static long lastUpstreamNanos() {
        return UPSTREAM.get()[0];
    }

    @Override
    public void attempt(String route, Attempt a) {
        String reason = a.reason() == null ? "none" : a.reason();
        AttemptMeters m = attempts.computeIfAbsent(new AttemptKey(route, a.provider(), a.outcome(), reason),
                k -> new AttemptMeters(
                        counter("finassist.router.attempts", "Candidate attempts by outcome", "route", route,
                                "provider", a.provider(), "outcome", a.outcome(), "reason", reason),
                        a.ok() ? null : counter("finassist.router.fallbacks", "Candidates failed or skipped", "route",
                                route, "provider", a.provider()),
                        "failed".equals(a.outcome()) ? counter("finassist.router.errors", "Provider errors by kind",
                                "provider", a.provider(), "kind", a.reason()) : null));
        m.attempts().increment();
        if (m.fallbacks() != null) {
            m.fallbacks().increment();
        }
        if (m.errors() != null) {
            m.errors().increment();
        }
    }

    @Override
    public void completed(String route, Completion c, long latencyNanos, long firstTokenNanos, long upstreamNanos) {
        UPSTREAM.get()[0] = upstreamNanos;
        AnswerMeters m = answers.computeIfAbsent(new AnswerKey(route, c.provider(), c.model()), this::answerMeters);
        m.requests().increment();
        m.latency().record(latencyNanos, TimeUnit.NANOSECONDS);
        m.ttft().record(firstTokenNanos, TimeUnit.NANOSECONDS);
        m.prompt().increment(c.usage().promptTokens());
        m.completion().increment(c.usage().completionTokens());
        m.reasoning().increment(c.usage().reasoningTokens());
        m.cacheHit().increment(c.usage().cacheHitTokens());
        m.cost().record(c.costCny().doubleValue());
    }

    private AnswerMeters answerMeters(AnswerKey k) {
        String provider = k.provider();
        String model = k.model();
        return new AnswerMeters(
                counter("finassist.router.requests", "Answers delivered", "route", k.route(), "provider", provider),
                timer("finassist.router.latency", "Answer latency incl. failover", k.route(), provider),
                timer("finassist.router.ttft", "Time to first token", k.route(), provider),
                tokens(provider, model, "prompt"), tokens(provider, model, "completion"),
                tokens(provider, model, "reasoning"), tokens(provider, model, "cache_hit"),
                (DistributionSummary) meters.computeIfAbsent("cost|" + provider + "|" + model, x ->
                        DistributionSummary.builder("finassist.router.cost").baseUnit("cny")
                                .description("Cost of answers in CNY").tags("provider", provider, "model", model)
                                .register(registry)));
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

    private Counter tokens(String provider, String model, String type) {
        return counter("finassist.router.tokens", "Tokens by type", "provider", provider, "model", model, "type", type);
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
