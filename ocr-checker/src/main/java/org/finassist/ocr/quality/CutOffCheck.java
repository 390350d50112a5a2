package org.finassist.ocr.quality;

/** No part of the card runs off an edge of the frame. */
record CutOffCheck(double maxEdgeContact) implements ImageQualityCheck {

    @Override
    public String name() {
        return "cutOff";
    }

    @Override
    public QualityResult check(CardView view) {
        if (!view.region().found()) {
            return QualityResult.skipped(name());
        }
        double contact = view.region().edgeContact();
        return contact <= maxEdgeContact ? QualityResult.pass(name(), contact, maxEdgeContact)
                : QualityResult.fail(name(), contact, maxEdgeContact, "证件边缘超出画面，请确保证件四个角都完整地在取景框内。");
    }
}
