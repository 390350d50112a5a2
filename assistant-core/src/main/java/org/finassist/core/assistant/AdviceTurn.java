package org.finassist.core.assistant;

import org.finassist.core.advice.AdviceRequest;

/** Ends a turn that asked for a forecast or a stock pick with the fixed, compliant refusal; no model is asked. */
final class AdviceTurn {

    private AdviceTurn() {
    }

    static void deliver(AdviceRequest request, String route, TurnListener listener) {
        FixedTurn.deliver(new FixedTurn.Kind("advice", "advice-declined", request.code(), TurnOutcome.DECLINED),
                AdviceRequest.MESSAGE, route, listener, () -> { });
    }
}
