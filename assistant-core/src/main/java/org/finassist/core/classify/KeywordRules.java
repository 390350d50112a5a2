package org.finassist.core.classify;

import org.finassist.core.router.Scenario;
import org.finassist.core.router.ScenarioDefinition;
import org.finassist.core.router.ScenarioDefinitions;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stock codes and key words that settle the scenario without a model (key words: the scenario definitions). */
final class KeywordRules {

    /** A 6-digit A-share code, optionally with an exchange suffix or prefix; not part of a longer number. */
    static final Pattern STOCK_CODE = Pattern.compile("(?<![0-9])(?:(?:sh|sz|bj|SH|SZ|BJ)\\.?)?([0-9]{6})"
            + "(?:\\.(?:SH|SZ|BJ|sh|sz|bj|SS|ss))?(?![0-9])");

    /** The keyword rules of the scenario definitions, in the order they are tried. */
    private static final List<ScenarioDefinition> RULES = ScenarioDefinitions.withKeywords();

    private KeywordRules() {
    }

    static Optional<String> symbol(String text) {
        Matcher m = STOCK_CODE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<Classification> apply(String text) {
        Optional<String> symbol = symbol(text);
        for (ScenarioDefinition d : RULES) {
            ScenarioDefinition.KeywordRule r = d.keywords().orElseThrow();
            if (r.matches(text)) {
                boolean diagnosisWithCode = d.scenario() == Scenario.STOCK_DIAGNOSIS && symbol.isPresent();
                return Optional.of(new Classification(d.scenario(), diagnosisWithCode ? 0.97 : r.confidence(), "rule",
                        symbol.orElse(null)));
            }
        }
        return symbol.map(s -> new Classification(Scenario.STOCK_DIAGNOSIS, 0.75, "rule", s));
    }
}
