package org.finassist.ocr.quality;

/**
 * A card was found: from its print, or by colour with a card-like aspect ratio (85.6 × 54 mm ≈ 1.59) unless cut
 * off. Skipped when nothing was found in a frame too dark to find anything, so that the customer hears about the
 * light first.
 */
record CardPresenceCheck(double minBrightness) implements ImageQualityCheck {

    @Override
    public String name() {
        return "card";
    }

    @Override
    public QualityResult check(CardView view) {
        CardRegion r = view.region();
        boolean cardLike = r.found() && r.aspect() >= 1.25 && r.aspect() <= 2.0;
        if (r.fromText() || cardLike || (r.found() && r.edgeContact() > 0)) {
            return QualityResult.pass(name(), r.aspect(), 1.59);
        }
        if (!r.found() && view.cardLuma() != null && view.cardLuma().mean() < minBrightness) {
            return QualityResult.skipped(name());
        }
        return QualityResult.fail(name(), r.aspect(), 1.59,
                "未检测到完整证件，请将证件平放在深色、无花纹的桌面上，正对证件拍摄。");
    }
}
