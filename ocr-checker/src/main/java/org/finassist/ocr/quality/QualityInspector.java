package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;
import java.util.List;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.idcard.CardSide;

/**
 * Locates the card (from its print when text was read, by colour otherwise), straightens it and runs every
 * configured check. Thread-safe.
 */
public final class QualityInspector {

    private final CardLocator colour = new CardLocator();
    private final TextCardLocator text = new TextCardLocator();
    private final List<ImageQualityCheck> checks;

    public QualityInspector(List<ImageQualityCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The standard checks in the order customers should fix them. */
    public static QualityInspector standard(QualityThresholds t) {
        return new QualityInspector(List.of(
                new CardPresenceCheck(t.minBrightness()),
                new CutOffCheck(t.maxEdgeContact(), t.maxOverflowMm()),
                new FillCheck(t.minFill(), t.comfortableTextPx()),
                new TiltCheck(t.maxTiltDeg()),
                new PerspectiveCheck(t.maxSlantDeg()),
                new ResolutionCheck(t.minCardWidthPx(), t.minTextHeightPx()),
                new BrightnessCheck(t.minBrightness(), t.maxBrightness()),
                new GlareCheck(t.maxGlare()),
                new BlurCheck(t.minSharpness(), t.minStrokeSharpness()),
                new MotionBlurCheck(t.minDirectionalBalance())));
    }

    /** Inspects a photo from which no text was read: the card is located by colour. */
    public Inspection inspect(BufferedImage photo) {
        return inspect(photo, List.of(), CardSide.UNKNOWN);
    }

    /**
     * @param lines text read from the whole upright photo
     * @param side  the side those lines were recognised as
     */
    public Inspection inspect(BufferedImage photo, List<TextLine> lines, CardSide side) {
        CardRegion region = text.locate(lines, side, photo.getWidth(), photo.getHeight());
        if (!region.found()) {
            region = colour.locate(photo);
        }
        BufferedImage card = region.found() ? CardRectifier.rectify(photo, region) : null;
        GrayImage luma;
        if (region.fromText()) {
            luma = ZoneSampler.sample(photo, region);
        } else if (card != null) {
            luma = GrayImage.of(card);
        } else {
            luma = GrayImage.of(CardRectifier.shrink(photo, 320));
        }
        CardView view = new CardView(photo, List.copyOf(lines), region, card, luma);
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
