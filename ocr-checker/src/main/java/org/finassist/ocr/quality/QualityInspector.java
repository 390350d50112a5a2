package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;
import java.util.List;

/** Locates the card, straightens it and runs every configured check. Thread-safe. */
public final class QualityInspector {

    private final CardLocator locator = new CardLocator();
    private final List<ImageQualityCheck> checks;

    public QualityInspector(List<ImageQualityCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The standard checks in the order customers should fix them. */
    public static QualityInspector standard(QualityThresholds t) {
        return new QualityInspector(List.of(
                new CardPresenceCheck(),
                new CutOffCheck(t.maxEdgeContact()),
                new FillCheck(t.minFill()),
                new TiltCheck(t.maxTiltDeg()),
                new ResolutionCheck(t.minCardWidthPx()),
                new BrightnessCheck(t.minBrightness(), t.maxBrightness()),
                new GlareCheck(t.maxGlare()),
                new BlurCheck(t.minSharpness()),
                new MotionBlurCheck(t.minDirectionalBalance())));
    }

    public Inspection inspect(BufferedImage photo) {
        CardRegion region = locator.locate(photo);
        BufferedImage card = region.found() ? CardRectifier.rectify(photo, region) : null;
        CardView view = new CardView(photo, region, card, card == null ? null : GrayImage.of(card));
        List<QualityResult> results = checks.stream().map(c -> c.check(view)).toList();
        return new Inspection(view, results);
    }

    /** The view the checks saw and their results; {@link #passed()} when none failed. */
    public record Inspection(CardView view, List<QualityResult> results) {
        public boolean passed() {
            return results.stream().noneMatch(QualityResult::failed);
        }
    }
}
