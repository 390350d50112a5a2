package org.finassist.ocr.engine;

/**
 * One recognised line of text with its confidence (0–1) and box in the input image's pixels. The box is
 * {@code width} (along the text) × {@code height} at ({@code x}, {@code y}), rotated {@code angleDeg} (clockwise in
 * image coordinates) about its centre; engines that only report upright boxes give 0.
 */
public record TextLine(String text, double confidence, int x, int y, int width, int height, double angleDeg) {

    /** An upright box. */
    public TextLine(String text, double confidence, int x, int y, int width, int height) {
        this(text, confidence, x, y, width, height, 0);
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }
}
