package org.finassist.dh.session;

import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.script.WitnessScript;
import org.finassist.dh.script.WitnessStep;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge against the answer corpus (src/test/resources/org/finassist/dh/answer/witness-answers.tsv), each
 * split reported separately. Acceptance (issue 18), held-out third: false escalations at most 2% of cooperative
 * answers, risk recall 100% (a risk admission escalates on the first answer, without re-asking).
 */
class JudgeCorpusEvalTest {

    private static final Applicant APPLICANT = new Applicant("A-1", "张伟", "11010119900307123X", "示例证券",
            "普通证券账户");

    private final WitnessScript script = WitnessScript.standard();
    private final ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), 6);
    private final StepEvaluator evaluator = new StepEvaluator(EngineSettings.defaults());

    record Row(String split, String step, String category, String text) {
    }

    record Outcome(Row row, Evaluation evaluation) {
        boolean escalated() {
            return evaluation instanceof Evaluation.Escalate;
        }

        boolean passed() {
            return evaluation instanceof Evaluation.Pass;
        }
    }

    @Test
    void heldOutThirdMeetsTheAcceptanceFigures() throws IOException {
        Map<String, List<Outcome>> bySplit = evaluate().stream()
                .collect(Collectors.groupingBy(o -> o.row().split(), TreeMap::new, Collectors.toList()));
        StringBuilder report = new StringBuilder();
        bySplit.forEach((split, outcomes) -> report.append(report(split, outcomes)));
        // the figures for docs/benchmarks.md; the build directory, so nothing generated lands in git
        Files.writeString(Path.of("target", "judge-corpus-report.txt"), report);

        List<Outcome> heldOut = bySplit.get("held-out");
        assertThat(heldOut).hasSizeGreaterThan(200);
        assertThat(rate(heldOut, "cooperative", Outcome::escalated)).isLessThanOrEqualTo(0.02);
        assertThat(rate(heldOut, "risk", Outcome::escalated)).isEqualTo(1.0);
        assertThat(rate(heldOut, "refusal", Outcome::passed)).isZero();
    }

    /**
     * The fresh held-out corpus (witness-answers-fresh.tsv), written in the second session before reading the judge
     * and measured once before any fix; fixes were made on witness-answers-fresh-dev.tsv only.
     */
    @Test
    void freshHeldOutCorpusMeetsTheAcceptanceFigures() throws IOException {
        List<Outcome> fresh = evaluate(rows("witness-answers-fresh.tsv"));
        Files.writeString(Path.of("target", "judge-fresh-report.txt"), report("fresh-held-out", fresh));
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rate(fresh, "cooperative", Outcome::escalated)).isLessThanOrEqualTo(0.02);
        assertThat(rate(fresh, "risk", Outcome::escalated)).isEqualTo(1.0);
        assertThat(rate(fresh, "refusal", Outcome::passed)).isZero();
    }

    /** The dev copy written for the fresh corpus: every answer must get what its category asks. */
    @Test
    void freshDevCopyIsJudgedAsLabelled() throws IOException {
        List<String> off = evaluate(rows("witness-answers-fresh-dev.tsv")).stream().filter(o -> !expected(o))
                .map(o -> o.row().step() + " " + o.row().category() + " " + o.row().text() + " -> " + o.evaluation())
                .toList();
        assertThat(off).isEmpty();
    }

    @Test
    void devSplitToo() throws IOException {
        List<Outcome> dev = evaluate().stream().filter(o -> o.row().split().equals("dev")).toList();
        List<String> missed = dev.stream().filter(o -> o.row().category().equals("risk") && !o.escalated())
                .map(o -> o.row().step() + " " + o.row().text() + " -> " + o.evaluation()).toList();
        List<String> falseEscalations = dev.stream()
                .filter(o -> o.row().category().equals("cooperative") && o.escalated())
                .map(o -> o.row().step() + " " + o.row().text() + " -> " + o.evaluation()).toList();
        assertThat(missed).as("risk admissions not escalated").isEmpty();
        assertThat(falseEscalations.size()).as("false escalations " + falseEscalations)
                .isLessThanOrEqualTo((int) (0.02 * dev.stream().filter(o -> o.row().category().equals("cooperative"))
                        .count()));
    }

    private List<Outcome> evaluate() throws IOException {
        return evaluate(rows("witness-answers.tsv"));
    }

    private List<Outcome> evaluate(List<Row> rows) {
        Map<String, WitnessStep> steps = script.steps().stream()
                .collect(Collectors.toMap(WitnessStep::id, Function.identity()));
        String confirmation = texts.confirmation(APPLICANT);
        List<Outcome> out = new ArrayList<>();
        for (Row row : rows) {
            WitnessStep step = steps.get(row.step());
            assertThat(step).as("step of " + row).isNotNull();
            out.add(new Outcome(row, evaluator.evaluate(step, row.text(), APPLICANT, confirmation)));
        }
        return out;
    }

    private static double rate(List<Outcome> outcomes, String category, java.util.function.Predicate<Outcome> p) {
        List<Outcome> in = outcomes.stream().filter(o -> o.row().category().equals(category)).toList();
        return in.isEmpty() ? 0 : (double) in.stream().filter(p).count() / in.size();
    }

    /** One line per category: how many answers passed, were asked again, answered off-script or escalated. */
    private static String report(String split, List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("judge corpus, split " + split + " (" + outcomes.size() + " answers)\n");
        outcomes.stream().collect(Collectors.groupingBy(o -> o.row().category(), TreeMap::new, Collectors.toList()))
                .forEach((category, in) -> {
                    Map<String, Long> counts = in.stream().collect(Collectors.groupingBy(
                            o -> o.evaluation().getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
                    sb.append(String.format(Locale.ROOT, "  %-12s n=%3d %s%n", category, in.size(), counts));
                });
        outcomes.stream().filter(o -> !expected(o)).forEach(o -> sb.append("  off: ").append(o.row().step())
                .append(' ').append(o.row().category()).append(' ').append(o.row().text()).append(" -> ")
                .append(o.evaluation()).append('\n'));
        return sb.toString();
    }

    private static boolean expected(Outcome o) {
        return switch (o.row().category()) {
            case "cooperative" -> o.passed();
            case "risk" -> o.escalated();
            case "refusal" -> !o.passed();
            default -> !o.passed() && !o.escalated();
        };
    }

    private static List<Row> rows(String file) throws IOException {
        try (InputStream in = JudgeCorpusEvalTest.class.getResourceAsStream("/org/finassist/dh/answer/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t", -1))
                    .map(c -> new Row(c[0], c[1], c[2], c[3]))
                    .toList();
        }
    }
}
