package org.finassist.ocr.engine.internal;

/**
 * A text region found by the detector, in input-image pixels: a rectangle of {@code length} × {@code thickness}
 * centred on ({@code cx}, {@code cy}) whose long side is rotated {@code angleDeg} from horizontal (clockwise in
 * image coordinates), with the mean probability of its pixels.
 */
record TextBox(double cx, double cy, double length, double thickness, double angleDeg, double score) {

    /** The axis-aligned bounds: x, y, width, height. */
    int[] bounds() {
        double a = Math.toRadians(angleDeg);
        double hw = (Math.abs(Math.cos(a)) * length + Math.abs(Math.sin(a)) * thickness) / 2;
        double hh = (Math.abs(Math.sin(a)) * length + Math.abs(Math.cos(a)) * thickness) / 2;
        int x0 = (int) Math.floor(cx - hw);
        int y0 = (int) Math.floor(cy - hh);
        return new int[]{x0, y0, (int) Math.ceil(cx + hw) - x0, (int) Math.ceil(cy + hh) - y0};
    }
}
