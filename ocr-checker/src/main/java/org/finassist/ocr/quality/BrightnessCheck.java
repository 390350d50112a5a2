package org.finassist.ocr.quality;

/**
 * Mean luma on the card's print (or the whole card) between a lower (too dark) and an upper (overexposed) bound;
 * when no card was found, the whole frame, so that a photo too dark to find anything in says so.
 */
record BrightnessCheck(double min, double max) implements ImageQualityCheck {

    @Override
    public String name() {
        return "brightness";
    }

    @Override
    public QualityResult check(CardView view) {
        if (view.cardLuma() == null) {
            return QualityResult.skipped(name());
        }
        double mean = view.cardLuma().mean();
        if (mean < min) {
            return QualityResult.fail(name(), mean, min, "光线太暗，请到明亮处或打开照明后重新拍摄。");
        }
        if (mean > max) {
            return QualityResult.fail(name(), mean, max, "照片过亮（曝光过度），请避开强光后重新拍摄。");
        }
        if (!view.region().found()) {
            // the whole frame was measured only to catch a photo too dark or bright to find anything in
            return QualityResult.skipped(name());
        }
        return QualityResult.pass(name(), mean, mean < (min + max) / 2 ? min : max);
    }
}
