package org.finassist.ocr.quality;

/**
 * The card covers enough of the frame. A card found from its print only fails when its print is also small: a
 * flatbed scan covers little of the page yet prints large, and that is fine.
 */
record FillCheck(double minFill, double comfortableTextPx) implements ImageQualityCheck {

    @Override
    public String name() {
        return "fill";
    }

    @Override
    public QualityResult check(CardView view) {
        CardRegion r = view.region();
        if (!r.found() || r.source() == CardRegion.Source.TEXT_CLUSTER) {
            return QualityResult.skipped(name());
        }
        double fill = r.fill();
        boolean ok = fill >= minFill || (r.fromText() && r.textHeightPx() >= comfortableTextPx);
        return ok ? QualityResult.pass(name(), fill, minFill)
                : QualityResult.fail(name(), fill, minFill, "证件在画面中太小，请靠近一些，让证件占满取景框。");
    }
}
