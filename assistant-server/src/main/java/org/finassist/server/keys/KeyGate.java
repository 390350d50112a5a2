package org.finassist.server.keys;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.InterruptedCharge;
import org.finassist.core.chat.Usage;
import org.finassist.server.limits.SharedLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The gateway's two calls per request for a virtual key: {@link #admit} before routing (expiry, allowlists, RPM,
 * TPM, budgets) and {@link #record} after the answer (spend, tokens). A key without a policy passes {@link #admit}
 * without allocating or touching the database, and its spend is batched.
 */
public final class KeyGate {

    /**
     * How to route an admitted request, and the in-flight slot it holds against a hard budget (null when none):
     * give it back with {@link #release} when the request ends.
     */
    public record Admission(boolean economy, SharedLimits.Lease inFlight) {
        static final Admission NORMAL = new Admission(false, null);
        static final Admission ECONOMY = new Admission(true, null);
    }

    /** Most requests of one key in flight at once against a hard budget, however far away the budget is. */
    static final int MAX_IN_FLIGHT = 10_000;

    private final SharedLimits limits;
    private final SpendStore store;
    private final SpendBuffer buffer;
    private final Clock clock;
    private final KeysProperties properties;

    KeyGate(SharedLimits limits, SpendStore store, SpendBuffer buffer, Clock clock, KeysProperties properties) {
        this.limits = limits;
        this.store = store;
        this.buffer = buffer;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Checks one request of {@code key} for {@code model} (as sent) on {@code route} (as resolved).
     *
     * @throws KeyRefusal with the OpenAI status, type and code to answer
     */
    public Admission admit(VirtualKey key, String model, String route) {
        return admit(key, model, route, () -> BigDecimal.ZERO, Duration.ofMinutes(1));
    }

    /**
     * As {@link #admit(VirtualKey, String, String)}, holding one in-flight slot when the key has a hard budget and
     * {@code estimate} (the most this request can cost; asked only then) is positive. A key may have as many requests in flight as
     * its estimates fit into what is left of its hard budget, at least one: requests that start together near the
     * limit are refused instead of all overshooting it (each is charged after the fact with its real cost). The
     * slots are leases of the shared limits, so the count holds across nodes and a crashed node's slots lapse
     * after {@code ttl}.
     */
    public Admission admit(VirtualKey key, String model, String route, Supplier<BigDecimal> estimate,
                           Duration ttl) {
        KeyPolicy p = key.policy();
        if (p.isUnlimited()) {
            return Admission.NORMAL;
        }
        if (p.expiredAt(clock.instant())) {
            throw new KeyRefusal(401, "invalid_request_error", "invalid_api_key",
                    "This API key expired at " + p.expiresAt() + ".");
        }
        if (!p.allowsModel(model)) {
            throw new KeyRefusal(403, "invalid_request_error", "model_not_allowed",
                    "This API key may not use model '" + model + "'; allowed: " + p.models() + ".");
        }
        if (!p.allowsRoute(route)) {
            throw new KeyRefusal(403, "invalid_request_error", "model_not_allowed",
                    "This API key may not use route '" + route + "'; allowed: " + p.routes() + ".");
        }
        if (p.requestsPerMinute() > 0 && !limits.tryConsume("key:" + key.id() + ":rpm", 1,
                SharedLimits.Rate.perMinute(p.requestsPerMinute()))) {
            throw new KeyRefusal(429, "requests", "rate_limit_exceeded", "Rate limit reached for this API key: "
                    + p.requestsPerMinute() + " requests per minute. Retry shortly.");
        }
        if (p.tokensPerMinute() > 0 && !limits.tryConsume("key:" + key.id() + ":tpm", 1,
                SharedLimits.Rate.perMinute(p.tokensPerMinute()))) {
            throw new KeyRefusal(429, "tokens", "rate_limit_exceeded", "Rate limit reached for this API key: "
                    + p.tokensPerMinute() + " tokens per minute. Retry shortly.");
        }
        return p.hasBudget() ? budget(key, p, estimate, ttl) : Admission.NORMAL;
    }

    /** Gives back the in-flight slot of an admitted request that ended (answered, failed or cancelled). */
    public void release(Admission admission) {
        if (admission != null && admission.inFlight() != null) {
            limits.release(admission.inFlight());
        }
    }

    private Admission budget(VirtualKey key, KeyPolicy p, Supplier<BigDecimal> estimated, Duration ttl) {
        SpendStore.Totals t = store.totals(key.id(), today());
        if (reached(t.today(), p.dailyHardCny()) || reached(t.month(), p.monthlyHardCny())) {
            boolean daily = reached(t.today(), p.dailyHardCny());
            throw new KeyRefusal(429, "insufficient_quota", "budget_exceeded", "This API key has spent "
                    + (daily ? t.today() + " CNY today of its daily budget of " + p.dailyHardCny()
                    : t.month() + " CNY this month of its monthly budget of " + p.monthlyHardCny())
                    + " CNY. Raise the budget or wait for the next " + (daily ? "day" : "month") + ".");
        }
        boolean economy = reached(t.today(), p.dailySoftCny()) || reached(t.month(), p.monthlySoftCny());
        BigDecimal left = least(left(t.today(), p.dailyHardCny()), left(t.month(), p.monthlyHardCny()));
        BigDecimal estimate = left == null ? null : estimated.get();
        if (estimate == null || estimate.signum() <= 0) {
            return economy ? Admission.ECONOMY : Admission.NORMAL;
        }
        int slots = (int) Math.max(1, Math.min(MAX_IN_FLIGHT,
                left.divide(estimate, 0, RoundingMode.FLOOR).longValue()));
        SharedLimits.Lease lease = limits.tryAcquire("key:" + key.id() + ":in-flight", slots, ttl)
                .orElseThrow(() -> new KeyRefusal(429, "insufficient_quota", "budget_exceeded", "This API key has "
                        + slots + " request(s) in flight that may spend the " + left.stripTrailingZeros().toPlainString()
                        + " CNY left of its budget."
                        + " Retry when they have finished."));
        return new Admission(economy, lease);
    }

    private static BigDecimal left(BigDecimal spent, BigDecimal limit) {
        return limit == null ? null : limit.subtract(spent);
    }

    private static BigDecimal least(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static boolean reached(BigDecimal spent, BigDecimal limit) {
        return limit != null && spent.compareTo(limit) >= 0;
    }

    /** Charges an answer to its key: tokens per minute, and spend (at once for a key with a budget). */
    public void record(VirtualKey key, Completion c) {
        charge(key, c.provider() + ":" + c.model(), c.usage(), c.costCny());
    }

    /**
     * Charges an interrupted call to its key exactly as an answer: the provider bills what it generated. Counted
     * as a request of its model; an estimated usage is marked as such in the router's interrupted-call metrics.
     */
    public void recordInterrupted(VirtualKey key, InterruptedCharge c) {
        charge(key, c.provider() + ":" + c.model(), c.usage(), c.costCny());
    }

    private void charge(VirtualKey key, String model, Usage usage, BigDecimal cost) {
        KeyPolicy p = key.policy();
        long tokens = (long) usage.promptTokens() + usage.completionTokens();
        if (p.tokensPerMinute() > 0 && tokens > 1) {
            limits.consume("key:" + key.id() + ":tpm", tokens - 1, SharedLimits.Rate.perMinute(p.tokensPerMinute()));
        }
        Spend s = new Spend(key.id(), today(), model, 1, usage.promptTokens(), usage.completionTokens(),
                cost == null ? BigDecimal.ZERO : cost);
        if (p.hasBudget()) {
            store.add(s);
        } else {
            buffer.add(s);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
