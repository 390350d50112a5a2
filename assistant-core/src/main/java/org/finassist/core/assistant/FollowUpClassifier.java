package org.finassist.core.assistant;

import org.finassist.core.chat.Message;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.router.Scenario;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies a turn on its standalone form ("科创板怎么开通 那创业板呢？" rather than "那创业板呢？"), with the
 * conversation's previous scenario as a prior: a follow-up keeps the previous scenario unless a rule (a stock code,
 * 开户, 见证 …) says it moved on. A nearest-example match alone does not move it: a short follow-up carries too
 * little of its own to outweigh the conversation ("创业板呢" looks like market commentary on its own). A message of
 * question words only ("要多久") is a follow-up whatever its form, and a short message the classifier finds nothing
 * confident in ("提交了以后审核") stays in a conversation's flow (opening, witness, market).
 */
final class FollowUpClassifier {

    /** Question words and particles only: "要多久", "多少钱啊", "然后呢" name no topic of their own. */
    private static final Pattern NO_CONTENT = Pattern.compile(
            "^(要|得|需要|大概|一般|那|那么|还|还要|然后|具体)*(多久|多长时间|多少钱|多少|几天|啥时候|什么时候|怎么办|怎么弄|怎么操作|"
                    + "咋办|咋弄|然后呢|呢)?(啊|呀|呢|吗|么|哦|嘛)*[？?。！!~～]*$");
    /** Flows a short, unrecognised message continues; a question answered from the knowledge base is no flow. */
    private static final Set<Scenario> FLOWS = Set.of(Scenario.ACCOUNT_OPENING, Scenario.WITNESS, Scenario.COMMENTARY);
    /**
     * A step of the opening flow named in a short question ("开完要多久才能买", "审核要几天" after 开户 or a board's
     * permission): the flow goes on even when the examples read a Q&A topic. A market opening (开盘, 开市) is no step.
     */
    private static final Pattern OPENING_STEP = Pattern.compile("开(?![盘市始放心])|审核|提交|激活");
    private static final int SHORT = 14;
    private static final int MAX_DEPTH = 6;

    private FollowUpClassifier() {
    }

    static Classification classify(ScenarioClassifier classifier, List<Message> history, String message,
                                   String standalone) {
        return classify(classifier, history, message, standalone, 0);
    }

    private static Classification classify(ScenarioClassifier classifier, List<Message> history, String message,
                                           String standalone, int depth) {
        boolean noContent = NO_CONTENT.matcher(message.strip()).matches() && !message.isBlank();
        if (!noContent && !FollowUp.isFollowUp(history, message)) {
            // a question that stands on its own is classified as typed: a model's rewrite can only blur it
            // ("诊股 600000" must stay a diagnosis whatever the rewrite route answers)
            Classification own = classifier.classify(message);
            boolean guess = "default".equals(own.method()) || "example".equals(own.method());
            if (guess && message.strip().length() <= SHORT) {
                // nothing confident ("提交了以后审核" after "我想开个户"), or a step of the opening flow ("审核要几天"):
                // the conversation's flow goes on
                Optional<Classification> before = previous(classifier, history, depth);
                boolean continues = before.isPresent() && FLOWS.contains(before.get().scenario())
                        && ("default".equals(own.method()) || before.get().scenario() == Scenario.ACCOUNT_OPENING
                        && OPENING_STEP.matcher(message).find());
                if (continues) {
                    return new Classification(before.get().scenario(), own.confidence(), "follow-up",
                            before.get().symbol());
                }
            }
            return own;
        }
        Classification own = classifier.classify(message);
        if (own.scenario() == Scenario.STOCK_DIAGNOSIS && own.symbol() != null) {
            // "那宁德时代呢" after 贵州茅台: the stock the follow-up names, not the first one in the combined question
            return own;
        }
        Classification c = classifier.classify(standalone);
        Optional<String> anchor = FollowUp.anchor(history);
        if ("rule".equals(c.method()) || (anchor.isEmpty() && !noContent)) {
            return c;
        }
        Classification prior = anchor.map(classifier::classify).orElse(null);
        if (prior == null || "default".equals(prior.method())) {
            // the question before was unrecognised on its own too ("要多久" after "提交了以后审核"): the scenario the
            // conversation was in when it was asked
            Optional<Classification> before = previous(classifier, history, depth);
            if (before.isPresent() && before.get().scenario() != Scenario.GENERAL) {
                prior = before.get();
            }
        }
        if (prior == null || prior.scenario() == c.scenario()) {
            return c;
        }
        return new Classification(prior.scenario(), Math.max(prior.confidence(), c.confidence()), "follow-up",
                c.symbol() != null ? c.symbol() : prior.symbol());
    }

    /** The scenario of the conversation's last user message, itself read after the messages before it. */
    private static Optional<Classification> previous(ScenarioClassifier classifier, List<Message> history, int depth) {
        if (depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Message m = history.get(i);
            if ("user".equals(m.role()) && m.content() != null && !m.content().isBlank()) {
                List<Message> before = history.subList(0, i);
                return Optional.of(classify(classifier, before, m.content(),
                        FollowUp.retrievalQuery(before, m.content()), depth + 1));
            }
        }
        return Optional.empty();
    }
}
