package org.finassist.ocr.quality;

/**
 * The phone was held roughly parallel to the card: the labels' column, printed square to the rows, does not lean
 * far. A moderate keystone reads fine; a strong one squeezes the far rows.
 */
record PerspectiveCheck(double maxSlantDeg) implements ImageQualityCheck {

    @Override
    public String name() {
        return "perspective";
    }

    @Override
    public QualityResult check(CardView view) {
        double slant = Math.abs(view.region().slantDeg());
        if (Double.isNaN(slant)) {
            return QualityResult.skipped(name());
        }
        return slant <= maxSlantDeg ? QualityResult.pass(name(), slant, maxSlantDeg)
                : QualityResult.fail(name(), slant, maxSlantDeg, "拍摄角度过斜，请将手机与证件保持平行，正对证件拍摄。");
    }
}
