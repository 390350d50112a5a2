package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;

/** An 8-bit luma plane (ITU-R BT.601 weights), row-major. */
public record GrayImage(int width, int height, int[] luma) {

    public static GrayImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        int[] y = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            y[i] = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
        }
        return new GrayImage(w, h, y);
    }

    public int at(int x, int y) {
        return luma[y * width + x];
    }

    public double mean() {
        long sum = 0;
        for (int v : luma) {
            sum += v;
        }
        return luma.length == 0 ? 0 : sum / (double) luma.length;
    }

    /** Share of pixels at or above {@code level}. */
    public double shareAtLeast(int level) {
        int n = 0;
        for (int v : luma) {
            n += v >= level ? 1 : 0;
        }
        return luma.length == 0 ? 0 : n / (double) luma.length;
    }

    /** Variance of the 4-neighbour Laplacian: low when edges are soft (blur). */
    public double laplacianVariance() {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                int lap = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
                sum += lap;
                sumSq += (double) lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /**
     * Edge steepness of the strongest strokes relative to contrast: the mean absolute Laplacian of the 2% of pixels
     * where it is largest (the print's edges, however much plain card surrounds them), over the spread between the
     * 2nd and 98th luma percentiles. Independent of exposure and ink colour; at a fixed sampling scale (px/mm) it
     * falls as strokes soften.
     */
    public double strokeSharpness() {
        int[] hist = new int[256];
        for (int v : luma) {
            hist[Math.clamp(v, 0, 255)]++;
        }
        double range = Math.max(16, percentile(hist, 0.98) - percentile(hist, 0.02));
        int[] lapHist = new int[4 * 255 + 1];
        long n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                int lap = Math.abs(luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i]);
                lapHist[Math.min(lap, lapHist.length - 1)]++;
                n++;
            }
        }
        long top = Math.max(1, n / 50);
        long taken = 0;
        double sum = 0;
        for (int v = lapHist.length - 1; v >= 0 && taken < top; v--) {
            long k = Math.min(lapHist[v], top - taken);
            sum += k * (double) v;
            taken += k;
        }
        return n == 0 ? 0 : 100 * (sum / taken) / range;
    }

    private int percentile(int[] hist, double p) {
        long target = Math.round(p * (luma.length - 1));
        long acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += hist[v];
            if (acc > target) {
                return v;
            }
        }
        return 255;
    }

    /**
     * Min/max ratio of the variances of the second derivative along 0°, 45°, 90° and 135°: near 1 for a sharp or
     * evenly blurred card, near 0 when motion smeared it in one direction.
     */
    public double directionalBalance() {
        int[] offsets = {1, width + 1, width, width - 1};
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int off : offsets) {
            double v = secondDerivativeVariance(off);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max == 0 ? 1 : min / max;
    }

    private double secondDerivativeVariance(int off) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                int d = luma[i - off] + luma[i + off] - 2 * luma[i];
                sum += d;
                sumSq += (double) d * d;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
