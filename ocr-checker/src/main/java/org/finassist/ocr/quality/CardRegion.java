package org.finassist.ocr.quality;

/**
 * Where the card is in the (upright) photo, as a rotated rectangle in source pixels.
 *
 * @param found       whether a card-like region was found at all
 * @param centerX     centre of the card, source pixels
 * @param centerY     centre of the card, source pixels
 * @param length      extent along the long axis, source pixels
 * @param breadth     extent along the short axis, source pixels
 * @param angleDeg    rotation of the long axis from horizontal, degrees in (-90, 90]
 * @param fill        share of the frame the card covers (0–1)
 * @param edgeContact largest share of any one frame edge the card touches (0–1); high means cut off
 */
public record CardRegion(boolean found, double centerX, double centerY, double length, double breadth,
                         double angleDeg, double fill, double edgeContact) {

    public static CardRegion notFound() {
        return new CardRegion(false, 0, 0, 0, 0, 0, 0, 0);
    }

    public double aspect() {
        return breadth <= 0 ? 0 : length / breadth;
    }
}
