package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;

/**
 * What the checks look at: the upright photo, where the card is in it, and the card cut out and straightened at
 * {@link CardRectifier#STANDARD_WIDTH} px (null when no card was found).
 */
public record CardView(BufferedImage photo, CardRegion region, BufferedImage card, GrayImage cardLuma) {
}
