package org.finassist.ocr.quality;

/**
 * Thresholds for the standard checks. The first nine apply when the card was found by colour (no text found); the
 * text ones when it was found from its print.
 *
 * @param minSharpness          minimum variance of the Laplacian on the card at the standard width (colour)
 * @param minBrightness         minimum mean luma (0–255) on the card's print
 * @param maxBrightness         maximum mean luma (0–255) on the card's print
 * @param maxGlare              maximum share of saturated (luma ≥ 250) pixels on the card's print
 * @param minFill               minimum share of the frame the card covers (text: only when its print is also small)
 * @param maxTiltDeg            maximum rotation of the card from horizontal, degrees
 * @param maxEdgeContact        maximum share of a frame edge the card may touch (colour)
 * @param minCardWidthPx        minimum card width in the photo, pixels (colour)
 * @param minDirectionalBalance minimum min/max ratio of directional second-derivative variances (colour)
 * @param maxOverflowMm         how far a corner may lie outside the frame, mm: a card-filling scan or album crop
 *                              trimmed at the card's outline loses no print (text)
 * @param minTextHeightPx       minimum height of the 3.3 mm value print, pixels (text)
 * @param comfortableTextPx     print at least this tall is accepted however little of the frame the card fills
 * @param minStrokeSharpness    minimum {@link GrayImage#strokeSharpness()} of the print at its own scale (text)
 * @param maxSlantDeg           perspective: how far the labels' column may lean from square to the rows (text)
 */
public record QualityThresholds(double minSharpness, double minBrightness, double maxBrightness, double maxGlare,
                                double minFill, double maxTiltDeg, double maxEdgeContact, double minCardWidthPx,
                                double minDirectionalBalance, double maxOverflowMm, double minTextHeightPx,
                                double comfortableTextPx, double minStrokeSharpness, double maxSlantDeg) {

    /** The colour-locator thresholds with the defaults for the text-located card. */
    public QualityThresholds(double minSharpness, double minBrightness, double maxBrightness, double maxGlare,
                             double minFill, double maxTiltDeg, double maxEdgeContact, double minCardWidthPx,
                             double minDirectionalBalance) {
        this(minSharpness, minBrightness, maxBrightness, maxGlare, minFill, maxTiltDeg, maxEdgeContact,
                minCardWidthPx, minDirectionalBalance, 3, 9, 16, 45, 20);
    }

    public static QualityThresholds defaults() {
        return new QualityThresholds(60, 70, 235, 0.01, 0.20, 8, 0.04, 600, 0.15);
    }
}
