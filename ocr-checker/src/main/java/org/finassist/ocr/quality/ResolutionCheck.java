package org.finassist.ocr.quality;

/**
 * The print spans enough photo pixels to be legible: the height of the value print when the card was found from
 * its text (an album-sized crop reads fine), the card's width otherwise.
 */
record ResolutionCheck(double minCardWidthPx, double minTextHeightPx) implements ImageQualityCheck {

    private static final String GUIDANCE = "照片分辨率不足，请靠近证件或使用更高像素重新拍摄。";

    @Override
    public String name() {
        return "resolution";
    }

    @Override
    public QualityResult check(CardView view) {
        CardRegion r = view.region();
        if (!r.found()) {
            return QualityResult.skipped(name());
        }
        if (r.fromText()) {
            double h = r.textHeightPx();
            return h >= minTextHeightPx ? QualityResult.pass(name(), h, minTextHeightPx)
                    : QualityResult.fail(name(), h, minTextHeightPx, GUIDANCE);
        }
        double width = r.length();
        return width >= minCardWidthPx ? QualityResult.pass(name(), width, minCardWidthPx)
                : QualityResult.fail(name(), width, minCardWidthPx, GUIDANCE);
    }
}
