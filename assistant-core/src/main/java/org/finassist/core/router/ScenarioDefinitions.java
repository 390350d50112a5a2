package org.finassist.core.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The scenario definitions, one resource per {@link Scenario}: {@code scenarios/<id>.properties} next to this class
 * (keys {@code keywords}, {@code keywords-unless}, {@code keyword-confidence}, {@code keyword-order},
 * {@code examples} separated by
 * {@code |}, {@code system-template}). The keyword rules, the classifier's examples and the chat's system prompt all
 * read them here, so what classifies and prompts a scenario is defined in one file. Which providers answer it is
 * deployment configuration ({@code finassist.router.routes.<id>}; unconfigured: the local model only).
 * A scenario without its file fails at class initialisation, naming the file.
 */
public final class ScenarioDefinitions {

    private static final String DIR = "scenarios/";
    private static final Map<Scenario, ScenarioDefinition> ALL = load();

    private ScenarioDefinitions() {
    }

    public static ScenarioDefinition of(Scenario scenario) {
        return ALL.get(scenario);
    }

    /** Every definition, in the enum's order. */
    public static List<ScenarioDefinition> all() {
        return List.copyOf(ALL.values());
    }

    /** The keyword rules of every scenario that has one, in the order they are tried. */
    public static List<ScenarioDefinition> withKeywords() {
        return ALL.values().stream().filter(d -> d.keywords().isPresent())
                .sorted(Comparator.comparingInt(d -> d.keywords().orElseThrow().order())).toList();
    }

    private static Map<Scenario, ScenarioDefinition> load() {
        Map<Scenario, ScenarioDefinition> out = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            out.put(s, parse(s, read(DIR + s.id() + ".properties")));
        }
        return out;
    }

    static ScenarioDefinition parse(Scenario s, Properties p) {
        String keywords = p.getProperty("keywords", "").strip();
        Optional<ScenarioDefinition.KeywordRule> rule = keywords.isEmpty() ? Optional.empty()
                : Optional.of(new ScenarioDefinition.KeywordRule(Pattern.compile(keywords),
                Double.parseDouble(required(s, p, "keyword-confidence")),
                Integer.parseInt(required(s, p, "keyword-order")),
                Optional.ofNullable(p.getProperty("keywords-unless")).map(String::strip).filter(u -> !u.isEmpty())
                        .map(Pattern::compile)));
        List<String> examples = Arrays.stream(p.getProperty("examples", "").split("\\|")).map(String::strip)
                .filter(e -> !e.isEmpty()).toList();
        return new ScenarioDefinition(s, rule, examples, p.getProperty("system-template", "system/assistant.ftl"));
    }

    private static String required(Scenario s, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(DIR + s.id() + ".properties: " + key + " is required with keywords");
        }
        return v.strip();
    }

    private static Properties read(String resource) {
        try (InputStream in = ScenarioDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Scenario definition missing: org/finassist/core/router/" + resource
                        + " (every Scenario constant needs one; see docs/architecture.md)");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
