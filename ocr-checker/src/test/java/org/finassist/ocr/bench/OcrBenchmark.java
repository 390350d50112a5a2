package org.finassist.ocr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finassist.ocr.check.Agreement;
import org.finassist.ocr.check.EngineReading;
import org.finassist.ocr.check.IdPhotoChecker;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.PaddleOcrEngine;
import org.finassist.ocr.engine.TesseractEngine;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardFront;
import org.finassist.ocr.idcard.IdCardValidator;
import org.finassist.ocr.intake.ImageIntake;
import org.finassist.ocr.intake.IntakeLimits;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.finassist.ocr.synth.CjkFont;
import org.finassist.ocr.synth.Degradation;
import org.finassist.ocr.synth.PhotoSimulator;
import org.finassist.ocr.synth.SyntheticCard;
import org.finassist.ocr.synth.SyntheticCards;
import org.finassist.ocr.synth.scene.Scene;
import org.finassist.ocr.synth.scene.SceneGenerator;

/**
 * Accuracy and latency of the ID-photo check on synthetic cards (bench/ocr.sh). Accuracy: {@code bench.perKind}
 * front-side photos per degradation kind, both engines, ground truth from construction. Latency: sequential
 * requests on JPEG bytes, p50/p95 for quality checks alone, the full check with PP-OCRv4, and with Tesseract too.
 */
public final class OcrBenchmark {

    public static void main(String[] args) throws Exception {
        int perKind = Integer.getInteger("bench.perKind", 20);
        int latencyRuns = Integer.getInteger("bench.latencyRuns", 40);
        int threads = Integer.getInteger("bench.threads", 2);
        int detMaxSide = Integer.getInteger("bench.detMaxSide", 960);
        Path out = Path.of(System.getProperty("bench.out", "bench/results/ocr-latest.md"));
        var font = CjkFont.get().orElseThrow(() -> new IllegalStateException(CjkFont.MISSING));
        Clock clock = Clock.fixed(org.finassist.ocr.synth.Synthetic.TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toInstant(), ZoneId.of("Asia/Shanghai"));
        PaddleOcrEngine paddle = PaddleOcrEngine.load(threads, detMaxSide);
        Optional<OcrEngine> tess = TesseractEngine.ifAvailable(Path.of("/usr/share/tesseract-ocr/5/tessdata"), "chi_sim")
                .map(e -> (OcrEngine) e);
        ImageIntake intake = new ImageIntake(IntakeLimits.defaults());
        QualityInspector inspector = QualityInspector.standard(QualityThresholds.defaults());
        IdCardValidator validator = new IdCardValidator(clock, 18);
        IdPhotoChecker both = new IdPhotoChecker(intake, inspector, paddle, tess, validator);
        IdPhotoChecker paddleOnly = new IdPhotoChecker(intake, inspector, paddle, Optional.empty(), validator);

        StringBuilder md = new StringBuilder("# OCR benchmark\n\n");
        md.append(String.format("Machine: %d CPUs, load average at start %.1f; PP-OCRv4 threads=%d, detector side %d px;"
                        + " Tesseract %s.%n%n", Runtime.getRuntime().availableProcessors(), loadAverage(), threads,
                detMaxSide,
                tess.isPresent() ? "chi_sim" : "NOT INSTALLED"));
        int scenesPerKind = Integer.getInteger("bench.scenes", 0);
        if (scenesPerKind > 0) {
            // the realistic set: build split (2/3) and held-out split (1/3), reported separately
            long seedBase = Long.getLong("bench.seedBase", SceneGenerator.defaultHeldOutSeed());
            md.append("## Realistic evaluation set (issue 17)\n\nHeld-out seed base: ").append(seedBase)
                    .append("\n\n");
            SceneBenchmark scenes = new SceneBenchmark(new SceneGenerator(font, org.finassist.ocr.synth.Synthetic.TODAY,
                    seedBase),
                    paddleOnly, Boolean.getBoolean("bench.verbose"));
            String splits = System.getProperty("bench.splits", "build,heldout");
            if (splits.contains("build")) {
                scenes.run(Scene.Split.BUILD, scenesPerKind * 2, md);
            }
            if (splits.contains("heldout")) {
                scenes.run(Scene.Split.HELD_OUT, scenesPerKind, md);
            }
        }
        if (perKind > 0) {
            accuracy(new SyntheticCards(font, 2026, org.finassist.ocr.synth.Synthetic.TODAY), both, perKind, md);
        }
        if (latencyRuns > 0) {
            latency(new SyntheticCards(font, 77, org.finassist.ocr.synth.Synthetic.TODAY), intake, inspector,
                    paddleOnly, tess.isPresent() ? both : null, latencyRuns, md);
        }
        System.out.println(md);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        paddle.close();
    }

    private static void accuracy(SyntheticCards cards, IdPhotoChecker checker, int perKind, StringBuilder md) {
        Map<Degradation, Tally> tallies = new EnumMap<>(Degradation.class);
        for (Degradation d : Degradation.values()) {
            Tally t = new Tally();
            tallies.put(d, t);
            for (int i = 0; i < perKind; i++) {
                SyntheticCard card = cards.next(CardSide.FRONT, d);
                IdPhotoReport r = checker.check(card.photo(), CardSide.FRONT, Optional.empty());
                count(t, card, r);
            }
            StringBuilder partial = new StringBuilder();
            row(partial, d.name(), d.bad() ? "bad" : "good", t);
            System.err.print(partial);
        }
        md.append("## Accuracy on ").append(perKind * Degradation.values().length)
                .append(" synthetic front-side photos (").append(perKind).append(" per kind)\n\n");
        md.append("| kind | bad? | photos | quality rejected | ID exact paddle | ID exact tesseract | ID exact combined "
                + "| HIGH (both agree) | HIGH but wrong | disagreed | name exact paddle | name exact tesseract |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Tally good = new Tally();
        Tally bad = new Tally();
        for (var e : tallies.entrySet()) {
            Tally t = e.getValue();
            row(md, e.getKey().name(), e.getKey().bad() ? "bad" : "good", t);
            add(e.getKey().bad() ? bad : good, t);
        }
        row(md, "all good", "good", good);
        row(md, "all bad", "bad", bad);
        md.append(String.format("%nQuality checks: %s of deliberately bad photos rejected; %s of good photos falsely "
                + "rejected.%n%n", Tally.pct(bad.rejected, bad.photos), Tally.pct(good.rejected, good.photos)));
    }

    private static void count(Tally t, SyntheticCard card, IdPhotoReport r) {
        t.photos++;
        t.rejected += r.quality().stream().anyMatch(q -> q.failed()) ? 1 : 0;
        String id = card.identity().idNumber();
        String name = card.identity().name();
        for (EngineReading reading : r.readings()) {
            IdCardFront f = reading.front();
            boolean idOk = f != null && id.equals(f.idNumber());
            boolean nameOk = f != null && name.equals(f.name());
            if (reading.engine().equals("paddle")) {
                t.paddleId += idOk ? 1 : 0;
                t.paddleName += nameOk ? 1 : 0;
            } else {
                t.tessId += idOk ? 1 : 0;
                t.tessName += nameOk ? 1 : 0;
            }
        }
        t.mergedId += r.front() != null && id.equals(r.front().idNumber()) ? 1 : 0;
        t.high += r.agreement() == Agreement.HIGH ? 1 : 0;
        t.highWrong += r.agreement() == Agreement.HIGH && !id.equals(r.front().idNumber()) ? 1 : 0;
        t.disagreed += r.agreement() == Agreement.DISAGREED ? 1 : 0;
    }

    private static void add(Tally sum, Tally t) {
        sum.photos += t.photos;
        sum.rejected += t.rejected;
        sum.paddleId += t.paddleId;
        sum.tessId += t.tessId;
        sum.mergedId += t.mergedId;
        sum.paddleName += t.paddleName;
        sum.tessName += t.tessName;
        sum.high += t.high;
        sum.highWrong += t.highWrong;
        sum.disagreed += t.disagreed;
    }

    private static void row(StringBuilder md, String kind, String bad, Tally t) {
        int n = t.photos;
        md.append(String.join(" | ", "| " + kind, bad, String.valueOf(n), Tally.pct(t.rejected, n),
                Tally.pct(t.paddleId, n), Tally.pct(t.tessId, n), Tally.pct(t.mergedId, n), Tally.pct(t.high, n),
                String.valueOf(t.highWrong), Tally.pct(t.disagreed, n), Tally.pct(t.paddleName, n),
                Tally.pct(t.tessName, n))).append(" |\n");
    }

    private static void latency(SyntheticCards cards, ImageIntake intake, QualityInspector inspector,
                                IdPhotoChecker paddleOnly, IdPhotoChecker both, int runs, StringBuilder md)
            throws Exception {
        List<byte[]> uploads = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            SyntheticCard c = cards.next(i % 2 == 0 ? CardSide.FRONT : CardSide.BACK, Degradation.CLEAN);
            uploads.add(PhotoSimulator.encodeJpeg(c.photo(), 0.85f));
        }
        for (int i = 0; i < Math.min(5, runs); i++) {
            inspector.inspect(intake.accept(uploads.get(i)).image());
            paddleOnly.check(uploads.get(i), CardSide.UNKNOWN, Optional.empty());
        }
        long[][] quality = new long[2][runs];
        long[][] full = new long[2][runs];
        long[][] dual = new long[2][runs];
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            byte[] upload = uploads.get(i);
            time(quality, i, cpu, () -> inspector.inspect(intake.accept(upload).image()));
            time(full, i, cpu, () -> paddleOnly.check(upload, CardSide.UNKNOWN, Optional.empty()));
            if (both != null) {
                time(dual, i, cpu, () -> both.check(upload, CardSide.UNKNOWN, Optional.empty()));
            }
        }
        md.append("## Latency per image (").append(runs).append(" clean JPEG uploads, ")
                .append(PhotoSimulator.W).append("×").append(PhotoSimulator.H)
                .append(", sequential, after 5 warm-up requests). Wall time depends on what else runs on the machine; "
                        + "CPU time is the request thread's own (with bench.threads=1 onnxruntime and Tesseract "
                        + "compute on that thread, so it approximates the wall time on an idle core)\n\n"
                        + "| stage | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms |\n|---|---|---|---|---|\n");
        line(md, "intake + quality checks", quality);
        line(md, "intake + quality + PP-OCRv4 + parse + validate", full);
        if (both != null) {
            line(md, "… plus Tesseract cross-check", dual);
        }
        md.append(String.format("%nLoad average at end: %.1f%n", loadAverage()));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void time(long[][] into, int i, java.lang.management.ThreadMXBean cpu, Work work) throws Exception {
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work.run();
        into[0][i] = System.nanoTime() - t0;
        into[1][i] = cpu.getCurrentThreadCpuTime() - c0;
    }

    private static void line(StringBuilder md, String stage, long[][] nanos) {
        md.append("| ").append(stage).append(percentiles(nanos[0])).append(percentiles(nanos[1])).append(" |\n");
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(" | %.0f | %.0f", s[(int) Math.floor(0.5 * (s.length - 1))] / 1e6,
                s[(int) Math.ceil(0.95 * (s.length - 1))] / 1e6);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
