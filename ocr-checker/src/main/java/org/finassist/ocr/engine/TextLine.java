package org.finassist.ocr.engine;

/**
 * One recognised line of text with its confidence (0–1) and box in the input image's pixels. The box is
 * {@code width} (along the text) × {@code height} at ({@code x}, {@code y}), rotated {@code angleDeg} (clockwise in
 * image coordinates) about its centre; engines that only report upright boxes give 0.
 *
 * @param confidence mean confidence of the line's characters
 * @param weakest    confidence of its least certain character (the mean where the engine does not say)
 */
public record TextLine(String text, double confidence, int x, int y, int width, int height, double angleDeg,
                       double weakest) {

    /** A box at an angle, with only a mean confidence. */
    public TextLine(String text, double confidence, int x, int y, int width, int height, double angleDeg) {
        this(text, confidence, x, y, width, height, angleDeg, confidence);
    }

    /** An upright box. */
    public TextLine(String text, double confidence, int x, int y, int width, int height) {
        this(text, confidence, x, y, width, height, 0, confidence);
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }
}
