package org.finassist.ocr.quality;

/** The card's long axis is close to horizontal. */
record TiltCheck(double maxTiltDeg) implements ImageQualityCheck {

    @Override
    public String name() {
        return "tilt";
    }

    @Override
    public QualityResult check(CardView view) {
        if (!view.region().found()) {
            return QualityResult.skipped(name());
        }
        double tilt = Math.abs(view.region().angleDeg());
        return tilt <= maxTiltDeg ? QualityResult.pass(name(), tilt, maxTiltDeg)
                : QualityResult.fail(name(), tilt, maxTiltDeg, "证件倾斜，请将证件横向摆正，与取景框边缘平行后重新拍摄。");
    }
}
