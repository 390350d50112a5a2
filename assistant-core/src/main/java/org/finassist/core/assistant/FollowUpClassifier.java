package org.finassist.core.assistant;

import org.finassist.core.chat.Message;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.ScenarioClassifier;

import java.util.List;
import java.util.Optional;

/**
 * Classifies a turn on its standalone form ("科创板怎么开通 那创业板呢？" rather than "那创业板呢？"), with the
 * conversation's previous scenario as a prior: a follow-up keeps the previous scenario unless a rule (a stock code,
 * 开户, 见证 …) says it moved on. A nearest-example match alone does not move it: a short follow-up carries too
 * little of its own to outweigh the conversation ("创业板呢" looks like market commentary on its own).
 */
final class FollowUpClassifier {

    private FollowUpClassifier() {
    }

    static Classification classify(ScenarioClassifier classifier, List<Message> history, String message,
                                   String standalone) {
        if (!FollowUp.isFollowUp(history, message)) {
            // a question that stands on its own is classified as typed: a model's rewrite can only blur it
            // ("诊股 600000" must stay a diagnosis whatever the rewrite route answers)
            return classifier.classify(message);
        }
        Classification own = classifier.classify(message);
        if (own.scenario() == org.finassist.core.router.Scenario.STOCK_DIAGNOSIS && own.symbol() != null) {
            // "那宁德时代呢" after 贵州茅台: the stock the follow-up names, not the first one in the combined question
            return own;
        }
        Classification c = classifier.classify(standalone);
        Optional<String> anchor = FollowUp.anchor(history);
        if (anchor.isEmpty() || "rule".equals(c.method())) {
            return c;
        }
        Classification prior = classifier.classify(anchor.get());
        if (prior.scenario() == c.scenario()) {
            return c;
        }
        return new Classification(prior.scenario(), Math.max(prior.confidence(), c.confidence()), "follow-up",
                c.symbol() != null ? c.symbol() : prior.symbol());
    }
}
