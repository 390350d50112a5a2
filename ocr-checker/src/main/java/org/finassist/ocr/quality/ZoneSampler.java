package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;

/**
 * Samples the part of the card that carries the print into an upright luma plane at the card's own scale, capped at
 * {@value #MAX_PX_PER_MM} px/mm: photometric checks then measure the text rows at the scale of their strokes, not
 * the desk around the card or an upsampled copy of a small photo.
 */
final class ZoneSampler {

    static final double MAX_PX_PER_MM = 8;
    /** The printed zone in mm from the card's top-left corner: x0, y0, x1, y1 (both sides; includes the portrait). */
    private static final double[] PRINT_ZONE = {4, 4, 82, 51};

    private ZoneSampler() {
    }

    static GrayImage sample(BufferedImage photo, CardRegion r) {
        double s = r.pxPerMm();
        double perMm = Math.min(s, MAX_PX_PER_MM);
        double step = s / perMm;
        double u0;
        double v0;
        int w;
        int h;
        if (r.source() == CardRegion.Source.TEXT_LAYOUT) {
            u0 = (PRINT_ZONE[0] - TextCardLocator.CARD_W_MM / 2) * s;
            v0 = (PRINT_ZONE[1] - TextCardLocator.CARD_H_MM / 2) * s;
            w = (int) ((PRINT_ZONE[2] - PRINT_ZONE[0]) * perMm);
            h = (int) ((PRINT_ZONE[3] - PRINT_ZONE[1]) * perMm);
        } else {
            u0 = -r.length() / 2;
            v0 = -r.breadth() / 2;
            w = (int) (r.length() / step);
            h = (int) (r.breadth() / step);
        }
        w = Math.max(3, w);
        h = Math.max(3, h);
        int pw = photo.getWidth();
        int ph = photo.getHeight();
        int[] rgb = photo.getRGB(0, 0, pw, ph, null, 0, pw);
        double a = Math.toRadians(r.angleDeg());
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double u = u0 + i * step;
                double v = v0 + j * step;
                double x = r.centerX() + u * cos - v * sin;
                double y = r.centerY() + u * sin + v * cos;
                out[j * w + i] = bilinear(rgb, pw, ph, x, y);
            }
        }
        return new GrayImage(w, h, out);
    }

    private static int bilinear(int[] rgb, int w, int h, double x, double y) {
        double cx = Math.clamp(x, 0, w - 1.001);
        double cy = Math.clamp(y, 0, h - 1.001);
        int x0 = (int) cx;
        int y0 = (int) cy;
        double fx = cx - x0;
        double fy = cy - y0;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double top = luma(rgb[y0 * w + x0]) * (1 - fx) + luma(rgb[y0 * w + x1]) * fx;
        double bottom = luma(rgb[y1 * w + x0]) * (1 - fx) + luma(rgb[y1 * w + x1]) * fx;
        return (int) Math.round(top * (1 - fy) + bottom * fy);
    }

    private static int luma(int p) {
        return (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
    }
}
