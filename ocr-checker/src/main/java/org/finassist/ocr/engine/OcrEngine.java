package org.finassist.ocr.engine;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A text recogniser for an upright photo or card image; lines may lie at an angle (see {@link TextLine}).
 * Implementations must be safe to call from several threads at once (serialising internally if the underlying
 * engine is not).
 */
public interface OcrEngine {

    /** A short stable name for reports, e.g. {@code paddle} or {@code tesseract}. */
    String name();

    /** The lines of text found in the image, top to bottom. */
    List<TextLine> recognize(BufferedImage image);
}
