package org.finassist.ocr.synth.scene;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Photographed-looking desk and cloth surfaces, drawn procedurally from value noise so that nothing binary is
 * committed: wood grain, granite and stone speckle, woven fabric, plain light desks, patterned tablecloths.
 */
final class Textures {

    enum Surface { WOOD, STONE, GRANITE, FABRIC, LIGHT_GREY, BEIGE, WHITE, CHECKED_CLOTH, FLORAL_CLOTH, DARK }

    private Textures() {
    }

    static BufferedImage draw(Surface s, int w, int h, Random r) {
        Noise coarse = new Noise(r.nextLong(), 90);
        Noise fine = new Noise(r.nextLong(), 9);
        Noise mid = new Noise(r.nextLong(), 28);
        int[] px = new int[w * h];
        double[] tint = switch (s) {
            case WOOD -> new double[]{150 + r.nextInt(50), 100 + r.nextInt(30), 60 + r.nextInt(25)};
            case STONE -> grey(r, 150, 60, 6);
            case GRANITE -> grey(r, 120, 80, 10);
            case FABRIC -> new double[]{60 + r.nextInt(150), 60 + r.nextInt(150), 60 + r.nextInt(150)};
            case LIGHT_GREY -> grey(r, 205, 25, 3);
            case BEIGE -> new double[]{222 + r.nextInt(14), 208 + r.nextInt(12), 180 + r.nextInt(14)};
            case WHITE -> grey(r, 236, 14, 2);
            case CHECKED_CLOTH, FLORAL_CLOTH -> new double[]{230, 230, 225};
            case DARK -> grey(r, 35, 30, 4);
        };
        double[] accent = {40 + r.nextInt(200), 40 + r.nextInt(200), 40 + r.nextInt(200)};
        int check = 22 + r.nextInt(40);
        double ringFreq = 0.05 + r.nextDouble() * 0.05;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double c = coarse.at(x, y);
                double f = fine.at(x, y);
                double m = mid.at(x, y);
                double[] rgb = tint.clone();
                double shade;
                switch (s) {
                    case WOOD -> shade = 28 * Math.sin((y + 40 * c) * ringFreq + 6 * m) + 10 * f - 8;
                    case STONE -> shade = 30 * (c - 0.5) + 18 * (m - 0.5) + 14 * (f - 0.5);
                    case GRANITE -> {
                        double speck = f > 0.78 ? -70 : f < 0.18 ? 55 : 0;
                        shade = 25 * (c - 0.5) + speck + 10 * (m - 0.5);
                    }
                    case FABRIC -> shade = 22 * Math.sin(x * 1.3) * Math.sin(y * 1.3) + 16 * (f - 0.5) + 12 * (c - 0.5);
                    case CHECKED_CLOTH -> {
                        boolean a = (x / check) % 2 == 0;
                        boolean b = (y / check) % 2 == 0;
                        double k = (a ? 0.5 : 0) + (b ? 0.5 : 0);
                        for (int i = 0; i < 3; i++) {
                            rgb[i] = tint[i] * (1 - k) + accent[i] * k;
                        }
                        shade = 10 * (f - 0.5) + 8 * Math.sin(x * 1.5) * Math.sin(y * 1.5);
                    }
                    case FLORAL_CLOTH -> {
                        double petal = Math.sin(x * 0.09 + 3 * m) * Math.sin(y * 0.09 + 3 * c);
                        double k = petal > 0.55 ? 0.9 : petal < -0.7 ? 0.45 : 0;
                        for (int i = 0; i < 3; i++) {
                            rgb[i] = tint[i] * (1 - k) + accent[(i + (petal < 0 ? 1 : 0)) % 3] * k;
                        }
                        shade = 8 * (f - 0.5);
                    }
                    default -> shade = 8 * (c - 0.5) + 5 * (f - 0.5);
                }
                px[y * w + x] = rgb(rgb[0] + shade, rgb[1] + shade, rgb[2] + shade);
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        return img;
    }

    private static double[] grey(Random r, int base, int spread, int tintSpread) {
        double g = base + r.nextInt(spread) - spread / 2.0;
        return new double[]{g + r.nextInt(tintSpread + 1), g, g - r.nextInt(tintSpread + 1)};
    }

    static int rgb(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Smooth lattice noise in [0, 1] with the given cell size in pixels. */
    static final class Noise {
        private final int[] perm = new int[512];
        private final double[] values = new double[256];
        private final double cell;

        Noise(long seed, double cell) {
            Random r = new Random(seed);
            for (int i = 0; i < 256; i++) {
                perm[i] = i;
                values[i] = r.nextDouble();
            }
            for (int i = 255; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            System.arraycopy(perm, 0, perm, 256, 256);
            this.cell = cell;
        }

        double at(double x, double y) {
            double fx = x / cell;
            double fy = y / cell;
            int ix = (int) Math.floor(fx);
            int iy = (int) Math.floor(fy);
            double tx = smooth(fx - ix);
            double ty = smooth(fy - iy);
            double a = v(ix, iy);
            double b = v(ix + 1, iy);
            double c = v(ix, iy + 1);
            double d = v(ix + 1, iy + 1);
            return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
        }

        private double v(int x, int y) {
            return values[perm[(perm[x & 255] + y) & 255]];
        }

        private static double smooth(double t) {
            return t * t * (3 - 2 * t);
        }
    }
}
