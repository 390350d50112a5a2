package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;
import java.util.List;
import org.finassist.ocr.engine.TextLine;

/**
 * What the checks look at: the upright photo, the text read from it, where the card is, the card cut out and
 * straightened at {@link CardRectifier#STANDARD_WIDTH} px (null when no card was found), and the luma the
 * photometric checks measure: the card's printed zone at the print's own scale when the card was found from its
 * text, the straightened card when found by colour, the whole frame (coarsely) when nothing was found.
 */
public record CardView(BufferedImage photo, List<TextLine> lines, CardRegion region, BufferedImage card,
                       GrayImage cardLuma) {
}
