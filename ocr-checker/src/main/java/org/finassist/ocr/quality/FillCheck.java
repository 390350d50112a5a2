package org.finassist.ocr.quality;

/** The card covers enough of the frame. */
record FillCheck(double minFill) implements ImageQualityCheck {

    @Override
    public String name() {
        return "fill";
    }

    @Override
    public QualityResult check(CardView view) {
        if (!view.region().found()) {
            return QualityResult.skipped(name());
        }
        double fill = view.region().fill();
        return fill >= minFill ? QualityResult.pass(name(), fill, minFill)
                : QualityResult.fail(name(), fill, minFill, "证件在画面中太小，请靠近一些，让证件占满取景框。");
    }
}
