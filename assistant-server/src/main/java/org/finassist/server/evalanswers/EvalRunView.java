package org.finassist.server.evalanswers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A run as {@code /manage} shows it: progress, the figures of the questions judged so far and, on request, every
 * miss (a wrong action, a missing fact, a forbidden phrase or a wrong scenario).
 *
 * @param precisionRecall decline and hand-off precision / recall ({@code null} when undefined)
 */
record EvalRunView(String id, String name, String state, String failure, String startedBy, Instant created,
                   Instant finished, int total, int done, long useful, long harmful, double usefulRate,
                   double scenarioAccuracy, Pr decline, Pr handoff, long latencyP50Millis, long latencyP95Millis,
                   List<Miss> misses) {

    /** Precision and recall of one action; {@code null} members when nothing was due or done. */
    record Pr(Double precision, Double recall) {
        static Pr of(double[] x) {
            return new Pr(Double.isNaN(x[0]) ? null : x[0], Double.isNaN(x[1]) ? null : x[1]);
        }
    }

    /** One question that was not useful or was put in the wrong scenario. */
    record Miss(String id, List<String> previous, String question, String expected, String observed,
                String expectedScenario, String scenario, boolean harmful, List<String> problems, String answer,
                long millis) {
    }

    static EvalRunView of(EvalRun run, boolean withMisses) {
        AnswerReport r = run.report();
        List<Miss> misses = !withMisses ? null : r.verdicts().stream().filter(v -> !v.useful() || !v.scenarioRight())
                .map(v -> new Miss(v.c().id(), v.c().previous(), v.c().question(), v.c().expected().id(),
                        v.observed().id(), v.c().scenario(), v.o().scenario(), v.harmful(), v.problems(),
                        v.o().text(), v.o().millis())).toList();
        return new EvalRunView(run.id(), run.name(), run.state().name().toLowerCase(Locale.ROOT), run.failure(),
                run.startedBy(), run.created(), run.finishedAt(), run.cases().size(), r.total(), r.useful(),
                r.harmful(), r.usefulRate(), r.scenarioAccuracy(), Pr.of(r.precisionRecall(Action.DECLINE)),
                Pr.of(r.precisionRecall(Action.HANDOFF)), r.latencyPercentile(0.5), r.latencyPercentile(0.95), misses);
    }
}
