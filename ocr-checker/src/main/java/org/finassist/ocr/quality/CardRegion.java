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
 * @param edgeContact largest share of any one frame edge the card touches (0–1); high means cut off (colour
 *                    locator only)
 * @param source      what found the card
 * @param pxPerMm     scale of the card in the photo, pixels per millimetre (NaN when unknown)
 * @param overflowMm  how far the card's furthest corner lies outside the frame, millimetres, 0 when all four are
 *                    inside (NaN when unknown)
 * @param slantDeg    perspective: how far the column of labels, printed square to the rows, leans from square,
 *                    degrees (NaN when unknown); a phone held at an angle to the card makes it lean
 */
public record CardRegion(boolean found, double centerX, double centerY, double length, double breadth,
                         double angleDeg, double fill, double edgeContact, Source source, double pxPerMm,
                         double overflowMm, double slantDeg) {

    /** How the region was found. */
    public enum Source {
        /** Fitted to the card's printed layout from recognised labels and rows: scale, angle and all four corners. */
        TEXT_LAYOUT,
        /** The extent of a group of text lines that could not be matched to the card's layout. */
        TEXT_CLUSTER,
        /** The colour-contrast blob (fallback when no text was found). */
        COLOUR,
        NONE
    }

    /** Height of the card's 3.3 mm value print at this scale, pixels. */
    public static final double VALUE_PRINT_MM = 3.3;

    public CardRegion(boolean found, double centerX, double centerY, double length, double breadth,
                      double angleDeg, double fill, double edgeContact) {
        this(found, centerX, centerY, length, breadth, angleDeg, fill, edgeContact,
                found ? Source.COLOUR : Source.NONE, found ? length / 85.6 : Double.NaN, Double.NaN, Double.NaN);
    }

    public static CardRegion notFound() {
        return new CardRegion(false, 0, 0, 0, 0, 0, 0, 0);
    }

    public double aspect() {
        return breadth <= 0 ? 0 : length / breadth;
    }

    /** Whether the region comes from the text (layout or cluster) rather than colour. */
    public boolean fromText() {
        return source == Source.TEXT_LAYOUT || source == Source.TEXT_CLUSTER;
    }

    /** Height of the value print in photo pixels. */
    public double textHeightPx() {
        return pxPerMm * VALUE_PRINT_MM;
    }
}
