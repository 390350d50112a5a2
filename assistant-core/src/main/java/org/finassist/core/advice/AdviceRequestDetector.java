package org.finassist.core.advice;

import org.finassist.core.guardrail.PhraseList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides from one customer message whether it asks for a forecast or a stock pick (see {@code advice-rules.txt}).
 * A trigger counts only where no look-alike rule ({@code NOT}: a rule question, past data) overlaps it. Thread-safe.
 */
public final class AdviceRequestDetector {

    public static final String DEFAULT_RESOURCE = "org/finassist/core/advice/advice-rules.txt";

    private final List<Pattern> forecast;
    private final List<Pattern> pick;
    private final List<Pattern> lookAlikes;

    public AdviceRequestDetector() {
        this(PhraseList.load(DEFAULT_RESOURCE));
    }

    public AdviceRequestDetector(PhraseList rules) {
        this.forecast = patterns(rules, "FORECAST");
        this.pick = patterns(rules, "PICK");
        this.lookAlikes = patterns(rules, "NOT");
    }

    private static List<Pattern> patterns(PhraseList list, String code) {
        return list.entries().stream().filter(e -> e.code().equals(code)).map(e -> Pattern.compile(e.phrase())).toList();
    }

    /** The advice this message asks for, or empty when it asks for none. */
    public Optional<AdviceRequest> detect(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String text = message.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (triggered(pick, text)) {
            return Optional.of(AdviceRequest.PICK);
        }
        return triggered(forecast, text) ? Optional.of(AdviceRequest.FORECAST) : Optional.empty();
    }

    private boolean triggered(List<Pattern> triggers, String text) {
        for (Pattern p : triggers) {
            var m = p.matcher(text);
            while (m.find()) {
                if (!covered(text, m.start(), m.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean covered(String text, int start, int end) {
        for (Pattern p : lookAlikes) {
            var m = p.matcher(text);
            while (m.find()) {
                if (m.start() < end && start < m.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
