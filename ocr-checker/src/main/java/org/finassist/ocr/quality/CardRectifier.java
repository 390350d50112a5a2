package org.finassist.ocr.quality;

import java.awt.geom.AffineTransform;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Cuts the located card out of the photo, rotated upright and scaled to a fixed width. */
public final class CardRectifier {

    /** Width of the straightened card; close to 11 px/mm on an 85.6 mm card. */
    public static final int STANDARD_WIDTH = 960;

    private CardRectifier() {
    }

    /** The photo scaled so that its longer side is at most {@code side} pixels. */
    static BufferedImage shrink(BufferedImage photo, int side) {
        double f = Math.min(1, side / (double) Math.max(photo.getWidth(), photo.getHeight()));
        int w = Math.max(1, (int) (photo.getWidth() * f));
        int h = Math.max(1, (int) (photo.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    public static BufferedImage rectify(BufferedImage photo, CardRegion r) {
        double scale = STANDARD_WIDTH / r.length();
        int height = Math.max(1, (int) Math.round(r.breadth() * scale));
        AffineTransform t = new AffineTransform();
        t.translate(STANDARD_WIDTH / 2.0, height / 2.0);
        t.scale(scale, scale);
        t.rotate(-Math.toRadians(r.angleDeg()));
        t.translate(-r.centerX(), -r.centerY());
        BufferedImage out = new BufferedImage(STANDARD_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
