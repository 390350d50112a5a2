package org.finassist.server.witness;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;
import org.finassist.core.gate.AnswerPolicy;
import org.finassist.core.gate.Withhold;
import org.finassist.core.gate.WithholdListener;
import org.finassist.core.guardrail.Violation;
import org.finassist.core.local.SpokenAnswer;
import org.finassist.core.router.Scenario;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.session.OffScriptResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Answers a customer's off-script question during a witness session from the knowledge base, as the chat does, but
 * short and speakable. Only when a retrieved passage answers the question ({@link SpokenAnswer}) is anything said;
 * otherwise the scripted deferral (the question is left to the witness staff who supervise the session). With a provider
 * on the {@code witness} route the model rephrases the answer from the passages; without one the passage's own
 * sentences are spoken. Either way the answer is checked whole against the customer answer rules and its figures
 * against the passages (a spoken sentence cannot be taken back): one failing sentence and the deferral is spoken.
 */
final class GroundedOffScriptResponder implements OffScriptResponder {

    private static final Logger LOG = LoggerFactory.getLogger(GroundedOffScriptResponder.class);
    private static final Classification OFF_SCRIPT = new Classification(Scenario.WITNESS, 1.0, "witness-off-script", null);
    private static final String GROUNDED = """

            只根据下面的资料回答，资料里没有的内容不要回答，请告诉客户见证结束后由见证人员为其解答。
            这是语音播报：用一两句口语化的短句，不要使用链接、列表、标题、星号等格式，不要引用编号。""";

    private final GroundingSource knowledge;
    private final ChatModel model;
    private final ScriptTexts texts;
    private final WithholdListener withholds;

    /**
     * @param knowledge the knowledge-base grounding (the chat's {@code qa} source); {@code null} without one
     * @param model     the {@code witness} route when a provider serves it, else {@code null} (passages are spoken)
     */
    GroundedOffScriptResponder(GroundingSource knowledge, ChatModel model, ScriptTexts texts,
                               WithholdListener withholds) {
        this.knowledge = knowledge;
        this.model = model;
        this.texts = texts;
        this.withholds = withholds;
    }

    @Override
    public String answer(String question, Applicant applicant) {
        Grounding grounding = ground(question);
        Optional<String> fromKb = SpokenAnswer.from(question, grounding);
        if (fromKb.isEmpty()) {
            return texts.offScriptFallback(applicant);
        }
        String spoken = model == null ? fromKb.get() : viaModel(question, grounding, applicant).orElse(fromKb.get());
        List<Violation> violations = AnswerPolicy.forTurn(grounding, List.of(question)).checkAll(spoken);
        if (violations.isEmpty()) {
            return spoken;
        }
        Violation first = violations.getFirst();
        withholds.withheld(new Withhold("witness", "witness", "off-script", "first", first.code(),
                Withhold.hash(first.sentence())));
        return texts.offScriptFallback(applicant);
    }

    private Grounding ground(String question) {
        if (knowledge == null) {
            return Grounding.NONE;
        }
        try {
            return knowledge.ground(question, OFF_SCRIPT, List.of());
        } catch (RuntimeException e) {
            LOG.warn("Knowledge base unavailable for an off-script question, deferring: {}", e.toString());
            return Grounding.NONE;
        }
    }

    private Optional<String> viaModel(String question, Grounding grounding, Applicant applicant) {
        StringBuilder material = new StringBuilder("资料：\n");
        if (grounding.directAnswer() != null) {
            material.append(grounding.directAnswer()).append('\n');
        }
        for (Passage p : grounding.passages().subList(0, Math.min(3, grounding.passages().size()))) {
            material.append(p.text()).append('\n');
        }
        try {
            String answer = model.chat(SystemMessage.from(texts.offScriptSystemPrompt(applicant) + GROUNDED),
                    UserMessage.from(material + "\n客户的问题：" + question)).aiMessage().text();
            // a chat-widget answer ("点击转人工") has no meaning in a video call: the passage's own words are spoken
            if (answer == null || answer.isBlank() || answer.contains("转人工") || answer.contains("点击")) {
                return Optional.empty();
            }
            return Optional.of(SpokenAnswer.speakable(answer));
        } catch (RuntimeException e) {
            LOG.warn("Off-script answer failed, speaking the passage: {}", e.toString());
            return Optional.empty();
        }
    }
}
