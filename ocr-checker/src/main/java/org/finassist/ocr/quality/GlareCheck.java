package org.finassist.ocr.quality;

/** Share of saturated pixels on the card: light reflected off the laminate hides the print under it. */
record GlareCheck(double maxShare) implements ImageQualityCheck {

    static final int SATURATED = 250;

    @Override
    public String name() {
        return "glare";
    }

    @Override
    public QualityResult check(CardView view) {
        if (view.cardLuma() == null || !view.region().found()) {
            return QualityResult.skipped(name());
        }
        double share = view.cardLuma().shareAtLeast(SATURATED);
        return share <= maxShare ? QualityResult.pass(name(), share, maxShare)
                : QualityResult.fail(name(), share, maxShare, "证件表面有反光，请调整角度、避开灯光直射后重新拍摄。");
    }
}
