package org.finassist.core.assistant;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Message;
import org.finassist.core.gate.GatedAnswer;
import org.finassist.core.handoff.HandoffReason;

import java.util.List;

/** Ends a turn: a hand-off turn with its fixed message, or an answered one (handed off after a second decline). */
final class HandoffTurn {

    private HandoffTurn() {
    }

    /** The customer is told the reason's message; no model is asked, nothing is retrieved. */
    static void deliver(HandoffReason reason, String route, TurnListener listener) {
        FixedTurn.deliver(new FixedTurn.Kind("handoff", "handoff", reason.code(), TurnOutcome.HANDED_OFF),
                reason.message(), route, listener, () -> listener.onHandoff(reason, reason.message()));
    }

    /** Reports the outcome, hands off after a second decline in a row, then completes. */
    static void finish(GatedAnswer answer, List<Message> history, TurnListener listener) {
        Completion c = answer.completion();
        boolean declined = Declines.isDecline(c.content());
        if (declined && previousWasDecline(history)) {
            listener.onContent("\n\n" + HandoffReason.REPEATED_DECLINE.message());
            listener.onOutcome(TurnOutcome.HANDED_OFF);
            listener.onHandoff(HandoffReason.REPEATED_DECLINE, HandoffReason.REPEATED_DECLINE.message());
            listener.onComplete(new Completion(c.id(), c.content() + "\n\n" + HandoffReason.REPEATED_DECLINE.message(),
                    c.reasoning(), c.toolCalls(), c.finishReason(), c.usage(), c.costCny(), c.provider(), c.model(),
                    c.trail()));
            return;
        }
        listener.onOutcome(answer.fellBack() ? TurnOutcome.WITHHELD
                : declined ? TurnOutcome.DECLINED : TurnOutcome.ANSWERED);
        listener.onComplete(c);
    }

    private static boolean previousWasDecline(List<Message> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if ("assistant".equals(history.get(i).role())) {
                return Declines.isDecline(history.get(i).content());
            }
        }
        return false;
    }
}
