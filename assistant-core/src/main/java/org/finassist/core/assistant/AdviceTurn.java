package org.finassist.core.assistant;

import org.finassist.core.advice.AdviceRequest;
import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.Usage;
import org.finassist.core.local.LocalGroundedModel;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Ends a turn that asked for a forecast or a stock pick with the fixed, compliant refusal; no model is asked. */
final class AdviceTurn {

    private AdviceTurn() {
    }

    static void deliver(AdviceRequest request, String route, TurnListener listener) {
        Attempt refusal = new Attempt(LocalGroundedModel.ID, LocalGroundedModel.MODEL, "ok", "advice-declined", 0,
                request.code(), 0);
        listener.onAttempt(refusal);
        listener.onContent(AdviceRequest.MESSAGE);
        listener.onOutcome(TurnOutcome.DECLINED);
        listener.onComplete(new Completion("advice-" + UUID.randomUUID(), AdviceRequest.MESSAGE, null, List.of(),
                "stop", Usage.ZERO, BigDecimal.ZERO, LocalGroundedModel.ID, LocalGroundedModel.MODEL,
                new RouteTrail(route, List.of(refusal))));
    }
}
