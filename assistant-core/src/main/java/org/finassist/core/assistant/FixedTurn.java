package org.finassist.core.assistant;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.Usage;
import org.finassist.core.local.LocalGroundedModel;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A turn answered with a fixed message of ours (a hand-off, a refused forecast): no model is asked, nothing is
 * retrieved; the events are the same as for any local answer, so the widget and the metrics need no special case.
 */
final class FixedTurn {

    /** Why the message is fixed: the attempt's reason ("handoff") and detail (the reason's code). */
    record Kind(String idPrefix, String reason, String detail, TurnOutcome outcome) {
    }

    private FixedTurn() {
    }

    /** Streams {@code message}; {@code beforeComplete} runs after the outcome and before completion. */
    static void deliver(Kind kind, String message, String route, TurnListener listener, Runnable beforeComplete) {
        Attempt attempt = new Attempt(LocalGroundedModel.ID, LocalGroundedModel.MODEL, "ok", kind.reason(), 0,
                kind.detail(), 0);
        listener.onAttempt(attempt);
        listener.onContent(message);
        listener.onOutcome(kind.outcome());
        beforeComplete.run();
        listener.onComplete(new Completion(kind.idPrefix() + "-" + UUID.randomUUID(), message, null, List.of(), "stop",
                Usage.ZERO, BigDecimal.ZERO, LocalGroundedModel.ID, LocalGroundedModel.MODEL,
                new RouteTrail(route, List.of(attempt))));
    }
}
