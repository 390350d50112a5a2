package org.finassist.core.assistant;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.RouterException;
import org.finassist.core.local.LocalGroundedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a scenario whose text must be checked before a customer sees it (every number grounded, no buy/sell
 * advice): the model's whole answer is fetched, checked, and only then streamed; a rejected answer is replaced by
 * the grounding's direct answer (the deterministic local text), and the trail says why.
 */
final class CheckedAnswer {

    private static final Pattern SENTENCE = Pattern.compile("[^。！？\\n]*[。！？\\n]|[^。！？\\n]+$");

    private CheckedAnswer() {
    }

    static void deliver(org.finassist.core.router.ModelRouter router, CompletionRequest request, Grounding grounding,
                        CompletionListener listener) {
        Completion answer;
        try {
            answer = router.complete(request);
        } catch (RouterException e) {
            listener.onError(e);
            return;
        }
        Completion published = answer;
        if (!LocalGroundedModel.ID.equals(answer.provider())) {
            List<String> violations = grounding.check().violations(answer.content() == null ? "" : answer.content());
            if (!violations.isEmpty()) {
                published = replaced(answer, grounding, violations);
            }
        }
        published.trail().attempts().forEach(listener::onAttempt);
        Matcher m = SENTENCE.matcher(published.content() == null ? "" : published.content());
        while (m.find()) {
            if (!m.group().isEmpty()) {
                listener.onContent(m.group());
            }
        }
        listener.onComplete(published);
    }

    /** The model's text failed the checks: publish the grounded local text instead, keeping usage and cost paid. */
    private static Completion replaced(Completion answer, Grounding grounding, List<String> violations) {
        List<Attempt> trail = new ArrayList<>(answer.trail().attempts());
        trail.add(new Attempt(answer.provider(), answer.model(), "rejected", "guardrail", 0,
                String.join("; ", violations), 0));
        trail.add(new Attempt(LocalGroundedModel.ID, LocalGroundedModel.MODEL, "ok", null, 0, null, 0));
        String text = grounding.directAnswer() != null ? grounding.directAnswer()
                : "抱歉，本次生成的内容未通过合规与数据核验，暂不展示。请稍后再试，或点击“转人工”。";
        return new Completion(answer.id(), text, null, List.of(), "stop", answer.usage(), answer.costCny(),
                LocalGroundedModel.ID, LocalGroundedModel.MODEL, new RouteTrail(answer.trail().route(), trail));
    }
}
