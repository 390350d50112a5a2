package org.finassist.core.gate;

import org.finassist.core.chat.AnswerCheck;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.guardrail.CustomerComplianceGuardrail;
import org.finassist.core.guardrail.Disclosure;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.NumberGroundingGuardrail;
import org.finassist.core.guardrail.QuotedFigures;
import org.finassist.core.guardrail.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one customer answer must pass, sentence by sentence: the customer compliance rules always; number grounding
 * against the turn's passages, facts and the customer's own words when the turn has passages or facts, and without
 * them no rate, percentage, price or multiple the customer did not write; the
 * scenario's own check when its grounding carries one (stock diagnosis); and, on routes that state computed market
 * facts, the risk disclaimer at the end. Immutable and thread-safe.
 */
public final class AnswerPolicy {

    private static final CustomerComplianceGuardrail COMPLIANCE = new CustomerComplianceGuardrail();
    private static final NumberGroundingGuardrail NUMBERS = new NumberGroundingGuardrail();
    // with nothing to check figures against, a rate, percentage, price or multiple may be invented: it is not shown
    private static final Pattern FIGURE = Pattern.compile(
            "(万分之|千分之|百分之)[\\d零一二三四五六七八九十点.]+|\\d+(\\.\\d+)?\\s*(%|％|元|块钱|倍|个点)");

    private final GroundingContext figures;
    private final String customerWords;
    private final AnswerCheck scenarioCheck;
    private final String disclaimer;

    private AnswerPolicy(GroundingContext figures, String customerWords, AnswerCheck scenarioCheck, String disclaimer) {
        this.figures = figures;
        this.customerWords = customerWords;
        this.scenarioCheck = scenarioCheck;
        this.disclaimer = disclaimer;
    }

    /**
     * A turn with nothing to ground numbers in (a gateway key, a spoken off-script answer): the compliance rules, and
     * no rate, percentage, price or multiple at all.
     */
    public static AnswerPolicy complianceOnly() {
        return new AnswerPolicy(null, "", null, null);
    }

    /**
     * @param grounding     the turn's passages, facts, direct answer and scenario check
     * @param customerTexts what the customer wrote (a figure they gave may be repeated back)
     */
    public static AnswerPolicy forTurn(Grounding grounding, Collection<String> customerTexts) {
        GroundingContext figures = null;
        if (!grounding.passages().isEmpty() || !grounding.facts().isEmpty()) {
            List<String> texts = new ArrayList<>(customerTexts);
            grounding.passages().stream().map(Passage::text).forEach(texts::add);
            grounding.passages().stream().map(Passage::source).forEach(texts::add);
            grounding.passages().stream().map(Passage::headingPath).forEach(texts::add);
            grounding.facts().forEach((k, v) -> {
                texts.add(k);
                texts.add(v);
            });
            texts.add(grounding.directAnswer());
            figures = QuotedFigures.from(texts);
        }
        String disclaimer = grounding.facts().isEmpty() ? null : Disclosure.DEFAULT.disclaimer();
        return new AnswerPolicy(figures, String.join("\n", customerTexts), grounding.check(), disclaimer);
    }

    /** The violations of one sentence; empty = it may be shown. */
    public List<Violation> check(String sentence) {
        if (sentence.isBlank()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>(COMPLIANCE.check(sentence, GroundingContext.empty()).violations());
        if (figures != null) {
            out.addAll(NUMBERS.check(sentence, figures).violations());
        } else {
            Matcher m = FIGURE.matcher(sentence);
            while (m.find()) {
                if (!customerWords.contains(m.group())) {
                    out.add(new Violation(NumberGroundingGuardrail.NAME, "UNGROUNDED_FIGURE", sentence,
                            "'" + m.group() + "' with no passage or fact to check it against"));
                    break;
                }
            }
        }
        if (scenarioCheck != null) {
            for (String v : scenarioCheck.violations(sentence)) {
                int colon = v.indexOf(':');
                out.add(new Violation("scenario", colon > 0 ? v.substring(0, colon).strip() : "SCENARIO_CHECK",
                        sentence, v));
            }
        }
        return out;
    }

    /** The violations of a whole text, sentence by sentence: for answers that are not streamed (a spoken reply). */
    public List<Violation> checkAll(String text) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>(splitter.offer(text == null ? "" : text));
        sentences.add(splitter.rest());
        return sentences.stream().flatMap(s -> check(s).stream()).toList();
    }

    /** The text that must close the answer, or null. */
    public String disclaimer() {
        return disclaimer;
    }
}
