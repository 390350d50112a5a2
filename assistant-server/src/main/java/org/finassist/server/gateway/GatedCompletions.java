package org.finassist.server.gateway;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.RouterException;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.gate.AnswerPolicy;
import org.finassist.core.gate.GatedAnswer;

/**
 * A customer-facing key's completion through the answer gate: the compliance rules only (a gateway request carries
 * no grounding to check numbers against), streamed sentence by sentence or returned whole.
 */
final class GatedCompletions {

    private GatedCompletions() {
    }

    static void stream(AnswerGate gate, CompletionRequest request, CompletionListener listener) {
        GatedAnswer answer = gate.deliver(request, AnswerPolicy.complianceOnly(), null, listener);
        if (answer != null) {
            listener.onComplete(answer.completion());
        }
    }

    static Completion complete(AnswerGate gate, CompletionRequest request) {
        RouterException[] failure = new RouterException[1];
        GatedAnswer answer = gate.deliver(request, AnswerPolicy.complianceOnly(), null, new CompletionListener() {
            @Override
            public void onContent(String delta) {
                // the whole answer is returned once it is complete
            }

            @Override
            public void onComplete(Completion completion) {
            }

            @Override
            public void onError(RouterException error) {
                failure[0] = error;
            }
        });
        if (answer == null) {
            throw failure[0];
        }
        return answer.completion();
    }
}
