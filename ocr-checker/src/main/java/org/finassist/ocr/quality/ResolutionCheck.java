package org.finassist.ocr.quality;

/** The card spans enough photo pixels for small print to be legible. */
record ResolutionCheck(double minCardWidthPx) implements ImageQualityCheck {

    @Override
    public String name() {
        return "resolution";
    }

    @Override
    public QualityResult check(CardView view) {
        if (!view.region().found()) {
            return QualityResult.skipped(name());
        }
        double width = view.region().length();
        return width >= minCardWidthPx ? QualityResult.pass(name(), width, minCardWidthPx)
                : QualityResult.fail(name(), width, minCardWidthPx, "照片分辨率不足，请靠近证件或使用更高像素重新拍摄。");
    }
}
