package org.finassist.ocr.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finassist.ocr.check.IdPhotoChecker;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.intake.IntakeException;
import org.finassist.ocr.quality.QualityResult;
import org.finassist.ocr.synth.scene.Scene;
import org.finassist.ocr.synth.scene.SceneGenerator;
import org.finassist.ocr.synth.scene.SceneKind;

/**
 * The realistic evaluation set through the whole check, uploads as bytes: good photos accepted and read right,
 * bad ones caught with the right first guidance, non-ID pictures refused; each split reported on its own.
 */
final class SceneBenchmark {

    private final SceneGenerator generator;
    private final IdPhotoChecker checker;
    private final boolean verbose;

    SceneBenchmark(SceneGenerator generator, IdPhotoChecker checker, boolean verbose) {
        this.generator = generator;
        this.checker = checker;
        this.verbose = verbose;
    }

    /** Counts for one kind. */
    static final class Counts {
        int n;
        int accepted;
        int fronts;
        int idExact;
        int nameExact;
        int backs;
        int backExact;
        int wrongAccepted;
        int rightFirst;
        long millis;
    }

    void run(Scene.Split split, int perKind, StringBuilder md) {
        Map<SceneKind, Counts> byKind = new EnumMap<>(SceneKind.class);
        String only = System.getProperty("bench.kinds", "");
        for (SceneKind kind : SceneKind.values()) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(kind.name())) {
                continue;
            }
            Counts c = new Counts();
            byKind.put(kind, c);
            for (int i = 0; i < perKind; i++) {
                Scene s = generator.scene(split, kind, i);
                long t0 = System.nanoTime();
                IdPhotoReport r = check(s);
                c.millis += (System.nanoTime() - t0) / 1_000_000;
                count(s, r, c);
            }
            System.err.printf("%s %s: n=%d accepted=%d id=%d/%d name=%d back=%d/%d wrong=%d first=%d%n", split, kind,
                    c.n, c.accepted, c.idExact, c.fronts, c.nameExact, c.backExact, c.backs, c.wrongAccepted,
                    c.rightFirst);
        }
        report(split, perKind, byKind, md);
    }

    private IdPhotoReport check(Scene s) {
        try {
            return checker.check(s.upload(), CardSide.UNKNOWN, Optional.empty());
        } catch (IntakeException e) {
            return null;
        }
    }

    private void count(Scene s, IdPhotoReport r, Counts c) {
        c.n++;
        boolean accepted = r != null && r.accepted();
        c.accepted += accepted ? 1 : 0;
        boolean idOk = false;
        boolean nameOk = false;
        boolean backOk = false;
        if (s.side() == CardSide.FRONT) {
            c.fronts++;
            idOk = r != null && r.front() != null && s.identity().idNumber().equals(r.front().idNumber());
            nameOk = r != null && r.front() != null && s.identity().name().equals(r.front().name());
            c.idExact += idOk ? 1 : 0;
            c.nameExact += nameOk ? 1 : 0;
            c.wrongAccepted += accepted && !(idOk && nameOk) ? 1 : 0;
        } else if (s.side() == CardSide.BACK) {
            c.backs++;
            backOk = r != null && r.back() != null && s.identity().authority().equals(r.back().issuingAuthority())
                    && s.identity().validity().equals(r.back().validity());
            c.backExact += backOk ? 1 : 0;
        }
        String first = r == null ? "intake" : r.quality().stream().filter(QualityResult::failed)
                .map(QualityResult::check).findFirst().orElse(r.findings().isEmpty() ? "-" : r.findings().getFirst().code());
        c.rightFirst += s.kind().firstFailure().map(first::equals).orElse(false) ? 1 : 0;
        if (verbose && s.split() == Scene.Split.BUILD) {
            System.err.printf("  %s#%d %s %s acc=%s first=%s id=%s name=%s back=%s %s%n", s.kind(), s.index(),
                    s.side(), s.width() + "x" + s.height(), accepted, first, idOk, nameOk, backOk,
                    r == null ? "" : values(r));
        }
    }

    private static String values(IdPhotoReport r) {
        List<String> v = new ArrayList<>();
        for (QualityResult q : r.quality()) {
            if (q.status() != QualityResult.Status.SKIPPED) {
                v.add(String.format("%s=%.3g", q.check(), q.value()));
            }
        }
        v.add("findings=" + r.findings().stream().map(f -> f.code()).toList());
        if (r.front() != null) {
            v.add("read=" + r.front().name());
        }
        return String.join(" ", v);
    }

    private static void report(Scene.Split split, int perKind, Map<SceneKind, Counts> byKind, StringBuilder md) {
        md.append("### ").append(split == Scene.Split.BUILD ? "Build split" : "Held-out split").append(" (")
                .append(perKind * SceneKind.values().length).append(" images, ").append(perKind)
                .append(" per kind)\n\n| kind | expected | images | accepted | ID exact (fronts) | name exact (fronts) "
                        + "| back fields exact | accepted with wrong ID/name | right first guidance | mean ms |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        Map<SceneKind.Expect, Counts> total = new EnumMap<>(SceneKind.Expect.class);
        for (var e : byKind.entrySet()) {
            Counts c = e.getValue();
            row(md, e.getKey().name().toLowerCase(), e.getKey().expect(), c);
            add(total.computeIfAbsent(e.getKey().expect(), k -> new Counts()), c);
        }
        for (var e : total.entrySet()) {
            row(md, "**all " + e.getKey().name().toLowerCase().replace('_', '-') + "**", e.getKey(), e.getValue());
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, SceneKind.Expect expect, Counts c) {
        md.append(String.join(" | ", "| " + name, expect.name().toLowerCase(), String.valueOf(c.n),
                Tally.pct(c.accepted, c.n), frac(c.idExact, c.fronts), frac(c.nameExact, c.fronts),
                frac(c.backExact, c.backs), String.valueOf(c.wrongAccepted),
                expect == SceneKind.Expect.REJECT ? frac(c.rightFirst, c.n) : "–",
                String.valueOf(c.n == 0 ? 0 : c.millis / c.n))).append(" |\n");
    }

    private static String frac(int k, int n) {
        return n == 0 ? "–" : k + "/" + n + " (" + Tally.pct(k, n) + ")";
    }

    private static void add(Counts sum, Counts c) {
        sum.n += c.n;
        sum.accepted += c.accepted;
        sum.fronts += c.fronts;
        sum.idExact += c.idExact;
        sum.nameExact += c.nameExact;
        sum.backs += c.backs;
        sum.backExact += c.backExact;
        sum.wrongAccepted += c.wrongAccepted;
        sum.rightFirst += c.rightFirst;
        sum.millis += c.millis;
    }
}
