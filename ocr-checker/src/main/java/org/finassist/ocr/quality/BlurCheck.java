package org.finassist.ocr.quality;

/** Sharpness as the variance of the Laplacian over the straightened card (low = blurred). */
record BlurCheck(double minSharpness) implements ImageQualityCheck {

    @Override
    public String name() {
        return "blur";
    }

    @Override
    public QualityResult check(CardView view) {
        if (view.cardLuma() == null) {
            return QualityResult.skipped(name());
        }
        double v = view.cardLuma().laplacianVariance();
        return v >= minSharpness ? QualityResult.pass(name(), v, minSharpness)
                : QualityResult.fail(name(), v, minSharpness, "照片模糊，请保持手机稳定、对焦清晰后重新拍摄。");
    }
}
