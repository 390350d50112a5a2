package org.finassist.server.gateway;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.InterruptedCharge;
import org.finassist.core.chat.RouterException;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.gate.AnswerPolicy;
import org.finassist.core.gate.GatedAnswer;
import org.finassist.core.router.RouteOptions;

import java.util.function.Consumer;

/**
 * A customer-facing key's completion through the answer gate: the compliance rules only (a gateway request carries
 * no grounding to check numbers against), streamed sentence by sentence or returned whole. The key's route options
 * apply as for any key (cheapest first past a soft budget, the caller's cancellation); the gate keeps its own last
 * resort (the local model's or the safe answer), so the local fallback stays allowed.
 */
final class GatedCompletions {

    private GatedCompletions() {
    }

    static void stream(AnswerGate gate, CompletionRequest request, RouteOptions options, CompletionListener listener) {
        GatedAnswer answer = gate.deliver(request, AnswerPolicy.complianceOnly(), null, listener, gated(options));
        if (answer != null) {
            listener.onComplete(answer.completion());
        }
    }

    static Completion complete(AnswerGate gate, CompletionRequest request, RouteOptions options,
                               Consumer<InterruptedCharge> charges) {
        RouterException[] failure = new RouterException[1];
        GatedAnswer answer = gate.deliver(request, AnswerPolicy.complianceOnly(), null, new CompletionListener() {
            @Override
            public void onContent(String delta) {
                // the whole answer is returned once it is complete
            }

            @Override
            public void onInterruptedCharge(InterruptedCharge charge) {
                charges.accept(charge);
            }

            @Override
            public void onComplete(Completion completion) {
            }

            @Override
            public void onError(RouterException error) {
                failure[0] = error;
            }
        }, gated(options));
        if (answer == null) {
            throw failure[0];
        }
        return answer.completion();
    }

    private static RouteOptions gated(RouteOptions options) {
        return new RouteOptions(options.cancellation(), true, options.economy(), options.batch());
    }
}
