package org.finassist.ocr.engine.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Image → NCHW float tensors in PaddleOCR's layout: BGR channel order (as OpenCV loads images), per-channel normalisation. */
final class Tensors {

    private Tensors() {
    }

    static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Writes {@code img} into {@code dst} at batch slot {@code n} of a [N,3,H,W] tensor whose width is {@code width}
     * (≥ the image's width; the rest stays as already filled). Channel c gets (v/255 − mean[c]) / std[c], c in BGR.
     */
    static void write(BufferedImage img, float[] dst, int n, int height, int width, float[] mean, float[] std) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        int plane = height * width;
        int base = n * 3 * plane;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x];
                int at = y * width + x;
                dst[base + at] = ((p & 0xFF) / 255f - mean[0]) / std[0];
                dst[base + plane + at] = (((p >> 8) & 0xFF) / 255f - mean[1]) / std[1];
                dst[base + 2 * plane + at] = (((p >> 16) & 0xFF) / 255f - mean[2]) / std[2];
            }
        }
    }
}
