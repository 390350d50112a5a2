package org.finassist.core.gate;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.Usage;
import org.finassist.core.guardrail.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Sums the usage, cost and route trail of every stage of one gated answer: a rejected answer was still paid for. */
final class Ledger {

    private final String route;
    private final List<Attempt> attempts = new ArrayList<>();
    private Usage usage = Usage.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;

    Ledger(String route) {
        this.route = route;
    }

    void add(Completion c) {
        attempts.addAll(c.trail().attempts());
        Usage u = c.usage();
        usage = new Usage(usage.promptTokens() + u.promptTokens(), usage.completionTokens() + u.completionTokens(),
                usage.reasoningTokens() + u.reasoningTokens(), usage.cacheHitTokens() + u.cacheHitTokens());
        cost = cost.add(c.costCny());
    }

    /** Adds the rejection to the trail and returns it, so the caller can show it live like any other attempt. */
    Attempt rejected(Completion c, Violation why) {
        Attempt a = new Attempt(c.provider(), c.model(), "rejected", "guardrail", 0, why.code(), 0);
        attempts.add(a);
        return a;
    }

    Completion publish(Completion last, String shownText) {
        return new Completion(last.id(), shownText, last.reasoning(), last.toolCalls(), last.finishReason(), usage,
                cost, last.provider(), last.model(), new RouteTrail(route, attempts));
    }
}
