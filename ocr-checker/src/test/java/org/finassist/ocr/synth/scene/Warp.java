package org.finassist.ocr.synth.scene;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/**
 * Draws an ARGB card onto a scene through a homography given by where the card's four corners land, with bilinear
 * sampling and the card's own alpha (its rounded corners), as a phone held off-axis sees it.
 */
final class Warp {

    private Warp() {
    }

    /** @param corners destination of the card's top-left, top-right, bottom-right and bottom-left corners */
    static void draw(BufferedImage card, BufferedImage scene, Point2D[] corners) {
        double[] h = inverse(corners, card.getWidth(), card.getHeight());
        int cw = card.getWidth();
        int ch = card.getHeight();
        int[] src = card.getRGB(0, 0, cw, ch, null, 0, cw);
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (Point2D p : corners) {
            x0 = Math.min(x0, (int) Math.floor(p.getX()));
            y0 = Math.min(y0, (int) Math.floor(p.getY()));
            x1 = Math.max(x1, (int) Math.ceil(p.getX()));
            y1 = Math.max(y1, (int) Math.ceil(p.getY()));
        }
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(scene.getWidth() - 1, x1);
        y1 = Math.min(scene.getHeight() - 1, y1);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d = h[6] * x + h[7] * y + h[8];
                double u = (h[0] * x + h[1] * y + h[2]) / d;
                double v = (h[3] * x + h[4] * y + h[5]) / d;
                if (u < 0 || v < 0 || u > cw - 1 || v > ch - 1) {
                    continue;
                }
                int p = bilinear(src, cw, ch, u, v);
                int a = p >>> 24;
                if (a == 0) {
                    continue;
                }
                int q = scene.getRGB(x, y);
                scene.setRGB(x, y, a == 255 ? p : mix(q, p, a / 255.0));
            }
        }
    }

    private static int mix(int under, int over, double a) {
        double r = ((under >> 16) & 0xFF) * (1 - a) + ((over >> 16) & 0xFF) * a;
        double g = ((under >> 8) & 0xFF) * (1 - a) + ((over >> 8) & 0xFF) * a;
        double b = (under & 0xFF) * (1 - a) + (over & 0xFF) * a;
        return 0xFF000000 | Textures.rgb(r, g, b);
    }

    private static int bilinear(int[] src, int w, int h, double u, double v) {
        int x = Math.min(w - 2, (int) u);
        int y = Math.min(h - 2, (int) v);
        double fx = u - x;
        double fy = v - y;
        int a = src[y * w + x];
        int b = src[y * w + x + 1];
        int c = src[(y + 1) * w + x];
        int d = src[(y + 1) * w + x + 1];
        int out = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            double top = ((a >>> shift) & 0xFF) * (1 - fx) + ((b >>> shift) & 0xFF) * fx;
            double bot = ((c >>> shift) & 0xFF) * (1 - fx) + ((d >>> shift) & 0xFF) * fx;
            out |= Textures.clamp(top * (1 - fy) + bot * fy) << shift;
        }
        return out;
    }

    /** The homography from scene pixels back to card pixels. */
    private static double[] inverse(Point2D[] dst, int w, int h) {
        double[][] src = {{0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = dst[i].getX();
            double y = dst[i].getY();
            double u = src[i][0];
            double v = src[i][1];
            a[2 * i] = new double[]{x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[]{0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] sol = solve(a);
        return new double[]{sol[0], sol[1], sol[2], sol[3], sol[4], sol[5], sol[6], sol[7], 1};
    }

    private static double[] solve(double[][] a) {
        int n = 8;
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
