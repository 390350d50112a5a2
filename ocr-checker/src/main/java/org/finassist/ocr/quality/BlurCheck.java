package org.finassist.ocr.quality;

/**
 * Sharpness. With the card found from its print: {@link GrayImage#strokeSharpness()} of the printed zone at the
 * print's own scale, so a small but crisp album crop passes; otherwise the variance of the Laplacian over the card
 * straightened to the standard width.
 */
record BlurCheck(double minSharpness, double minStrokeSharpness) implements ImageQualityCheck {

    private static final String GUIDANCE = "照片模糊，请保持手机稳定、对焦清晰后重新拍摄。";

    @Override
    public String name() {
        return "blur";
    }

    @Override
    public QualityResult check(CardView view) {
        if (view.cardLuma() == null) {
            return QualityResult.skipped(name());
        }
        boolean text = view.region().fromText();
        double v = text ? view.cardLuma().strokeSharpness() : view.cardLuma().laplacianVariance();
        double min = text ? minStrokeSharpness : minSharpness;
        return v >= min ? QualityResult.pass(name(), v, min) : QualityResult.fail(name(), v, min, GUIDANCE);
    }
}
