package org.finassist.ocr.quality;

/**
 * Thresholds for the standard checks.
 *
 * @param minSharpness   minimum variance of the Laplacian on the card at the standard width
 * @param minBrightness  minimum mean luma (0–255) on the card
 * @param maxBrightness  maximum mean luma (0–255) on the card
 * @param maxGlare       maximum share of saturated (luma ≥ 250) pixels on the card
 * @param minFill        minimum share of the frame the card covers
 * @param maxTiltDeg     maximum rotation of the card from horizontal, degrees
 * @param maxEdgeContact maximum share of a frame edge the card may touch
 * @param minCardWidthPx minimum card width in the photo, pixels
 * @param minDirectionalBalance minimum min/max ratio of directional second-derivative variances (motion blur)
 */
public record QualityThresholds(double minSharpness, double minBrightness, double maxBrightness, double maxGlare,
                                double minFill, double maxTiltDeg, double maxEdgeContact, double minCardWidthPx,
                                double minDirectionalBalance) {

    public static QualityThresholds defaults() {
        return new QualityThresholds(60, 70, 235, 0.01, 0.20, 8, 0.04, 600, 0.15);
    }
}
