package org.finassist.ocr.intake;

import java.awt.image.BufferedImage;

/** A decoded, upright (EXIF orientation applied) RGB image and the format it arrived in. */
public record AcceptedImage(BufferedImage image, ImageFormat format, int exifOrientation) {
}
