package org.finassist.server.evalanswers;

import java.util.List;
import java.util.Locale;

/** The figures of one question set and its misses, as Markdown an operator reads. */
record AnswerReport(String name, List<AnswerJudge.Verdict> verdicts) {

    AnswerReport {
        verdicts = List.copyOf(verdicts);
    }

    int total() {
        return verdicts.size();
    }

    long useful() {
        return verdicts.stream().filter(AnswerJudge.Verdict::useful).count();
    }

    long harmful() {
        return verdicts.stream().filter(AnswerJudge.Verdict::harmful).count();
    }

    double usefulRate() {
        return total() == 0 ? 0 : (double) useful() / total();
    }

    /** Scenario accuracy over the cases that name a scenario. */
    double scenarioAccuracy() {
        List<AnswerJudge.Verdict> judged = verdicts.stream().filter(v -> v.c().scenario() != null).toList();
        return judged.isEmpty() ? 1 : (double) judged.stream().filter(AnswerJudge.Verdict::scenarioRight).count()
                / judged.size();
    }

    /** Precision and recall of one action: how often doing it was right, how often it was done when due. */
    double[] precisionRecall(Action a) {
        long did = verdicts.stream().filter(v -> v.observed() == a).count();
        long due = verdicts.stream().filter(v -> v.c().expected() == a).count();
        long both = verdicts.stream().filter(v -> v.observed() == a && v.c().expected() == a).count();
        return new double[] {did == 0 ? Double.NaN : (double) both / did, due == 0 ? Double.NaN : (double) both / due};
    }

    long latencyPercentile(double p) {
        long[] ms = verdicts.stream().mapToLong(v -> v.o().millis()).sorted().toArray();
        return ms.length == 0 ? 0 : ms[(int) Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("## ").append(name).append("\n\n");
        s.append(String.format(Locale.ROOT, "| questions | useful | harmful | scenario accuracy | decline P / R | "
                        + "hand-off P / R | latency p50 / p95 |%n|---|---|---|---|---|---|---|%n"
                        + "| %d | %d (%.1f%%) | %d | %.1f%% | %s | %s | %d / %d ms |%n%n",
                total(), useful(), 100 * usefulRate(), harmful(), 100 * scenarioAccuracy(), pr(Action.DECLINE),
                pr(Action.HANDOFF), latencyPercentile(0.5), latencyPercentile(0.95)));
        List<AnswerJudge.Verdict> misses = verdicts.stream().filter(v -> !v.useful() || !v.scenarioRight()).toList();
        s.append("### Misses (").append(misses.size()).append(")\n\n");
        if (!misses.isEmpty()) {
            s.append("| id | question | problems | answer |\n|---|---|---|---|\n");
            for (AnswerJudge.Verdict v : misses) {
                String q = (v.c().previous().isEmpty() ? "" : String.join(" → ", v.c().previous()) + " → ") + v.c().question();
                s.append("| ").append(v.c().id()).append(" | ").append(cell(q)).append(" | ")
                        .append(cell(String.join("; ", v.problems()))).append(" | ").append(cell(clip(v.o().text())))
                        .append(" |\n");
            }
        }
        return s.append('\n').toString();
    }

    private String pr(Action a) {
        double[] x = precisionRecall(a);
        return fmt(x[0]) + " / " + fmt(x[1]);
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String clip(String s) {
        String t = s.replace('\n', ' ').strip();
        return t.length() <= 120 ? t : t.substring(0, 120) + "…";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
