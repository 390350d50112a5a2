package org.finassist.server.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one API key may do on the gateway; every field is optional (null, empty or 0 = no limit).
 *
 * @param models           allowed {@code model} values as sent (e.g. {@code finassist-qa}, {@code deepseek:*});
 *                         a trailing {@code *} matches any suffix
 * @param routes           allowed routes after resolution (e.g. {@code qa}; a pinned model's route is its
 *                         {@code provider:model}); same matching
 * @param requestsPerMinute requests per minute, all nodes together
 * @param tokensPerMinute  prompt + completion tokens per minute, all nodes together (charged when an answer ends)
 * @param dailySoftCny     past this spend today the key's requests go to the cheapest candidates first
 * @param dailyHardCny     at this spend today requests are refused with 429 {@code budget_exceeded}
 * @param monthlySoftCny   the same for the calendar month
 * @param monthlyHardCny   the same for the calendar month
 * @param expiresAt        the key is refused from this instant on
 */
public record KeyPolicy(List<String> models, List<String> routes, Integer requestsPerMinute, Long tokensPerMinute,
                        BigDecimal dailySoftCny, BigDecimal dailyHardCny, BigDecimal monthlySoftCny,
                        BigDecimal monthlyHardCny, Instant expiresAt) {

    /** No limits at all: the policy of every key that was never given one. */
    public static final KeyPolicy NONE = new KeyPolicy(null, null, 0, 0L, null, null, null, null, null);

    public KeyPolicy {
        models = models == null ? List.of() : List.copyOf(models);
        routes = routes == null ? List.of() : List.copyOf(routes);
        requestsPerMinute = requestsPerMinute == null ? 0 : requestsPerMinute;
        tokensPerMinute = tokensPerMinute == null ? 0L : tokensPerMinute;
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute and tokensPerMinute must not be negative");
        }
        for (BigDecimal b : new BigDecimal[] {dailySoftCny, dailyHardCny, monthlySoftCny, monthlyHardCny}) {
            if (b != null && b.signum() < 0) {
                throw new IllegalArgumentException("budgets must not be negative");
            }
        }
    }

    /** Whether the key is unlimited: the gateway then skips every check. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isUnlimited() {
        return models.isEmpty() && routes.isEmpty() && requestsPerMinute == 0 && tokensPerMinute == 0
                && !hasBudget() && expiresAt == null;
    }

    /** Whether any budget is set: the key's spend must then be written before its next request is checked. */
    public boolean hasBudget() {
        return dailySoftCny != null || dailyHardCny != null || monthlySoftCny != null || monthlyHardCny != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean allowsModel(String model) {
        return matches(models, model);
    }

    public boolean allowsRoute(String route) {
        return matches(routes, route);
    }

    private static boolean matches(List<String> allowed, String value) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (String a : allowed) {
            if (a.endsWith("*") ? value.startsWith(a.substring(0, a.length() - 1)) : a.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
