package org.finassist.ocr.engine.internal;

/** An axis-aligned text region found by the detector, in input-image pixels, with its mean probability. */
record TextBox(int x, int y, int width, int height, double score) {
}
