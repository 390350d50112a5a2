package org.finassist.ocr.check;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.PaddleOcrEngine;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardValidator;
import org.finassist.ocr.intake.ImageIntake;
import org.finassist.ocr.intake.IntakeLimits;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.finassist.ocr.synth.CjkFont;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.scene.Scene;
import org.finassist.ocr.synth.scene.SceneGenerator;
import org.finassist.ocr.synth.scene.SceneKind;

/**
 * Evidence for two rules, gathered on the BUILD split only (never the held-out one): the name's weakest character
 * confidence of right and wrong readings (the name-trust rule) and, per picture, the OCR passes and how confident the
 * first whole-frame reading is (the cap on non-ID pictures). Prints one tab-separated line per scene.
 * args: perKind (default 8, the whole build split at BENCH_SCENES=4); -Dstudy.kinds=QR_CODE,PORTRAIT limits the kinds;
 * or kind index flip (true/false) to print every pass of one picture.
 */
final class BuildSplitStudy {

    /** Counts passes and keeps every line each pass returned. */
    static final class Counting implements OcrEngine {
        final OcrEngine inner;
        final List<List<TextLine>> passes = new ArrayList<>();

        Counting(OcrEngine inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<TextLine> recognize(BufferedImage image) {
            List<TextLine> lines = inner.recognize(image);
            passes.add(lines);
            return lines;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3) {
            debug(SceneKind.valueOf(args[0]), Integer.parseInt(args[1]), Boolean.parseBoolean(args[2]));
            return;
        }
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        SceneGenerator gen = new SceneGenerator(CjkFont.get().orElseThrow(), Synthetic.TODAY);
        Clock clock = Clock.fixed(Synthetic.TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        try (PaddleOcrEngine paddle = PaddleOcrEngine.load(2, 960)) {
            Counting counting = new Counting(paddle);
            ImageIntake intake = new ImageIntake(IntakeLimits.defaults());
            IdPhotoChecker checker = new IdPhotoChecker(intake, QualityInspector.standard(QualityThresholds.defaults()),
                    counting, Optional.empty(), new IdCardValidator(clock, 18));
            System.out.println("kind\tindex\tside\taccepted\tpasses\tms\tframeLines\tframeConf\tnameOk\tnameWeakest"
                    + "\tnameMean\tnameRead\tflip");
            String only = System.getProperty("study.kinds", "");
            for (SceneKind kind : SceneKind.values()) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(kind.name())) {
                    continue;
                }
                for (int i = 0; i < perKind; i++) {
                    Scene s = gen.scene(Scene.Split.BUILD, kind, i);
                    BufferedImage img = intake.accept(s.upload()).image();
                    row(kind, i, s, img, checker, counting, false);
                    if (kind.expect() == SceneKind.Expect.ACCEPT && i == 0) {
                        row(kind, i, s, Images.rotate180(img), checker, counting, true);
                    }
                }
            }
        }
    }

    private static void row(SceneKind kind, int i, Scene s, BufferedImage img, IdPhotoChecker checker,
                            Counting counting, boolean flipped) {
        counting.passes.clear();
        long t0 = System.nanoTime();
        IdPhotoReport r = checker.check(img, CardSide.UNKNOWN, Optional.empty());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<TextLine> frame = counting.passes.isEmpty() ? List.of() : counting.passes.getFirst();
        String name = r.front() == null ? null : r.front().name();
        String truth = s.identity() == null ? null : s.identity().name();
        double weakest = Double.NaN;
        double mean = Double.NaN;
        if (name != null) {
            for (List<TextLine> pass : counting.passes) {
                for (TextLine l : pass) {
                    if (l.text().replaceAll("\\s", "").contains(name)) {
                        weakest = l.weakest();
                        mean = l.confidence();
                    }
                }
            }
        }
        System.out.printf("%s\t%d\t%s\t%s\t%d\t%d\t%d\t%.3f\t%s\t%.3f\t%.3f\t%s\t%s%n", kind, i, r.side(), r.accepted(),
                counting.passes.size(), ms, frame.size(), frameConfidence(frame),
                name == null ? "-" : String.valueOf(name.equals(truth)), weakest, mean,
                name == null ? "-" : name.equals(truth) ? "=" : name + "/" + truth, flipped);
    }

    /** Every pass's lines for one build scene, and the name's room in the frame and in the crop. */
    private static void debug(SceneKind kind, int index, boolean flip) throws Exception {
        SceneGenerator gen = new SceneGenerator(CjkFont.get().orElseThrow(), Synthetic.TODAY);
        Clock clock = Clock.fixed(Synthetic.TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        try (PaddleOcrEngine paddle = PaddleOcrEngine.load(2, 960)) {
            Counting counting = new Counting(paddle);
            ImageIntake intake = new ImageIntake(IntakeLimits.defaults());
            IdPhotoChecker checker = new IdPhotoChecker(intake, QualityInspector.standard(QualityThresholds.defaults()),
                    counting, Optional.empty(), new IdCardValidator(clock, 18));
            Scene s = gen.scene(Scene.Split.BUILD, kind, index);
            BufferedImage img = intake.accept(s.upload()).image();
            IdPhotoReport r = checker.check(flip ? Images.rotate180(img) : img, CardSide.UNKNOWN, Optional.empty());
            System.out.println(s.identity().name() + " read " + (r.front() == null ? null : r.front().name())
                    + " accepted " + r.accepted() + " findings " + r.findings());
            for (List<TextLine> pass : counting.passes) {
                System.out.println("-- pass");
                for (TextLine l : pass) {
                    System.out.printf("%-24s %.3f/%.3f x=%d y=%d w=%d h=%d a=%.1f%n", l.text(), l.confidence(),
                            l.weakest(), l.x(), l.y(), l.width(), l.height(), l.angleDeg());
                }
            }
        }
    }

    /** Mean confidence of the frame's lines of two or more characters, weighted by length. */
    static double frameConfidence(List<TextLine> lines) {
        double sum = 0;
        int n = 0;
        for (TextLine l : lines) {
            int len = l.text().replaceAll("\\s", "").length();
            if (len >= 2) {
                sum += l.confidence() * len;
                n += len;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
