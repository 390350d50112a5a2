package org.finassist.ocr.engine;

/** One recognised line of text with its confidence (0–1) and axis-aligned box in the input image's pixels. */
public record TextLine(String text, double confidence, int x, int y, int width, int height) {

    public double centerY() {
        return y + height / 2.0;
    }
}
