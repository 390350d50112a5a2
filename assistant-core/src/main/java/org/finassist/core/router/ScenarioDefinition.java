package org.finassist.core.router;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything that defines a scenario besides its id and, where it needs one, its grounding: read from
 * {@code org/finassist/core/router/scenarios/<id>.properties} by {@link ScenarioDefinitions}.
 *
 * @param keywords       a match settles the scenario without a model; empty for scenarios found by examples only
 * @param examples       labelled utterances for nearest-example classification
 * @param systemTemplate the system prompt of a chat turn in this scenario (a template of the prompts module)
 */
public record ScenarioDefinition(Scenario scenario, Optional<KeywordRule> keywords, List<String> examples,
                                 String systemTemplate) {

    public ScenarioDefinition {
        examples = List.copyOf(examples);
    }

    /**
     * A keyword rule: rules are tried in ascending {@code order}; the first match decides.
     *
     * @param confidence the classification's confidence when it matches
     * @param unless     words that make a match not count (两融开户 is a margin-trading question, not account
     *                   opening); empty when every match counts
     */
    public record KeywordRule(Pattern pattern, double confidence, int order, Optional<Pattern> unless) {

        public KeywordRule(Pattern pattern, double confidence, int order) {
            this(pattern, confidence, order, Optional.empty());
        }

        /** Whether the rule settles {@code text}: a keyword is found and no word of {@code unless} is. */
        public boolean matches(String text) {
            return pattern.matcher(text).find() && unless.map(u -> !u.matcher(text).find()).orElse(true);
        }
    }
}
