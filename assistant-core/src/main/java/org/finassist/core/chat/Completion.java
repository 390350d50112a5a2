package org.finassist.core.chat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A finished answer: text, reasoning kept apart from it, tool calls passed through, usage, cost in CNY (6
 * decimals; sum and round half-up to 2 decimals for display), the provider and model that gave it, the trail.
 */
public record Completion(String id, String content, String reasoning, List<Map<String, Object>> toolCalls,
                         String finishReason, Usage usage, BigDecimal costCny, String provider, String model,
                         RouteTrail trail) {

    public Completion {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? Usage.ZERO : usage;
        costCny = costCny == null ? BigDecimal.ZERO : costCny;
    }

    public Completion withAccounting(BigDecimal cost, RouteTrail routeTrail) {
        return new Completion(id, content, reasoning, toolCalls, finishReason, usage, cost, provider, model, routeTrail);
    }
}
