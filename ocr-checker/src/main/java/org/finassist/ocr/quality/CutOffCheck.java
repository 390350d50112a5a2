package org.finassist.ocr.quality;

/**
 * No part of the card runs off an edge of the frame. With the card located from its print, the corners follow
 * from the layout, so a card-filling scan or album crop whose corners lie on or just past the frame edge passes
 * while a card with a corner really outside fails; with the colour locator, the share of a frame edge it touches.
 */
record CutOffCheck(double maxEdgeContact, double maxOverflowMm) implements ImageQualityCheck {

    static final String GUIDANCE = "证件边缘超出画面，请确保证件四个角都完整地在取景框内。";

    @Override
    public String name() {
        return "cutOff";
    }

    @Override
    public QualityResult check(CardView view) {
        CardRegion r = view.region();
        if (r.source() == CardRegion.Source.TEXT_CLUSTER && r.overflowMm() > maxOverflowMm) {
            // the card's layout could not be fitted, but print runs into the frame's edge
            return QualityResult.fail(name(), r.overflowMm(), maxOverflowMm, GUIDANCE);
        }
        if (r.source() == CardRegion.Source.TEXT_LAYOUT) {
            return r.overflowMm() <= maxOverflowMm ? QualityResult.pass(name(), r.overflowMm(), maxOverflowMm)
                    : QualityResult.fail(name(), r.overflowMm(), maxOverflowMm, GUIDANCE);
        }
        if (r.source() != CardRegion.Source.COLOUR) {
            return QualityResult.skipped(name());
        }
        double contact = r.edgeContact();
        return contact <= maxEdgeContact ? QualityResult.pass(name(), contact, maxEdgeContact)
                : QualityResult.fail(name(), contact, maxEdgeContact, GUIDANCE);
    }
}
