package org.finassist.server.funnel;

import java.util.Locale;
import org.finassist.server.funnel.FunnelScreen.StepFigures;

/**
 * One day's funnel as Markdown and as a self-contained HTML page (for operators, in English): totals, the steps
 * with conversion, drop-out, median time and top reasons, channels, and the experiment.
 */
final class DailyReport {

    record Rendered(String markdown, String html) {
    }

    private DailyReport() {
    }

    static Rendered render(String day, FunnelScreen s) {
        StringBuilder md = new StringBuilder();
        md.append("# Account-opening funnel, ").append(day).append(" (").append(s.zone()).append(")\n\n");
        if (s.simulated()) {
            md.append("**SIMULATED DATA** (traffic simulator, not customers)\n\n");
        }
        md.append("Sessions started: ").append(s.totals().started()).append("; submitted: ")
                .append(s.totals().submitted()).append("; abandoned: ").append(s.totals().abandoned())
                .append("; opening rate (submitted / started): ").append(pct(s.totals().openingRate())).append("\n\n");
        md.append("| # | step | entered | completed | conversion | abandoned | drop-out | median time (s) | top drop-out reasons |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (StepFigures f : s.steps()) {
            md.append("| ").append(f.index() + 1).append(" | ").append(f.title()).append(" | ").append(f.entered())
                    .append(" | ").append(f.completed()).append(" | ").append(pct(f.conversion())).append(" | ")
                    .append(f.abandoned()).append(" | ").append(pct(f.dropOut())).append(" | ")
                    .append(f.medianSeconds() == null ? "—" : String.format(Locale.ROOT, "%.1f", f.medianSeconds()))
                    .append(" | ").append(String.join(", ", f.topReasons().stream()
                            .map(r -> r.reason() + " (" + r.sessions() + ")").toList())).append(" |\n");
        }
        md.append("\n| channel | leads | submitted | opening rate |\n|---|---:|---:|---:|\n");
        s.channels().forEach(c -> md.append("| ").append(c.channel()).append(" | ").append(c.leads()).append(" | ")
                .append(c.submitted()).append(" | ").append(pct(c.openingRate())).append(" |\n"));
        ExperimentStats.Comparison e = s.experiment().result();
        md.append("\nGuidance experiment (").append(s.experiment().enabled() ? "on" : "off, everyone guided")
                .append("): guided ").append(arm(e.guided())).append("; control ").append(arm(e.control()));
        if (e.pValue() != null) {
            md.append("; difference ").append(pp(e.difference())).append(" [").append(pp(e.differenceLow()))
                    .append(", ").append(pp(e.differenceHigh())).append("], z = ")
                    .append(String.format(Locale.ROOT, "%.2f", e.z())).append(", p = ")
                    .append(String.format(Locale.ROOT, "%.4f", e.pValue()));
        }
        md.append("\n");
        return new Rendered(md.toString(), html(day, md.toString()));
    }

    private static String arm(ExperimentStats.ArmFigures a) {
        return a.submitted() + "/" + a.sessions() + " = " + pct(a.rate()) + (a.low() == null ? ""
                : " (95% CI " + pct(a.low()) + "–" + pct(a.high()) + ")");
    }

    static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String pp(Double v) {
        return String.format(Locale.ROOT, "%+.1f pp", v * 100);
    }

    /** The Markdown's lines as HTML: tables become tables, the rest paragraphs. Escapes everything. */
    static String html(String day, String markdown) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "Funnel " + esc(day) + "</title><style>body{font:14px sans-serif;margin:2em}table{border-collapse:"
                + "collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style></head><body>\n");
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                if (line.startsWith("|---")) {
                    continue;
                }
                h.append(inTable ? "" : "<table>\n").append("<tr>");
                String tag = inTable ? "td" : "th";
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                for (String c : cells) {
                    h.append('<').append(tag).append('>').append(esc(c.strip())).append("</").append(tag).append('>');
                }
                h.append("</tr>\n");
                inTable = true;
                continue;
            }
            if (inTable) {
                h.append("</table>\n");
                inTable = false;
            }
            if (line.startsWith("# ")) {
                h.append("<h1>").append(esc(line.substring(2))).append("</h1>\n");
            } else if (!line.isBlank()) {
                h.append("<p>").append(esc(line.replace("**", ""))).append("</p>\n");
            }
        }
        return h.append(inTable ? "</table>\n" : "").append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
