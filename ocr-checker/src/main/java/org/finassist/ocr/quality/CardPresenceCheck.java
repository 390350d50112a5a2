package org.finassist.ocr.quality;

/** Card found, with a card-like aspect ratio (85.6 × 54 mm ≈ 1.59) unless it is cut off. */
record CardPresenceCheck() implements ImageQualityCheck {

    @Override
    public String name() {
        return "card";
    }

    @Override
    public QualityResult check(CardView view) {
        CardRegion r = view.region();
        boolean cardLike = r.found() && r.aspect() >= 1.25 && r.aspect() <= 2.0;
        if (cardLike || (r.found() && r.edgeContact() > 0)) {
            return QualityResult.pass(name(), r.aspect(), 1.59);
        }
        return QualityResult.fail(name(), r.aspect(), 1.59,
                "未检测到完整证件，请将证件平放在深色、无花纹的桌面上，正对证件拍摄。");
    }
}
