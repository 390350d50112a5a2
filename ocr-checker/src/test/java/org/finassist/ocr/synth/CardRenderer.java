package org.finassist.ocr.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;

/**
 * Draws a specimen second-generation ID card (front or back) from an {@link Identity}, laid out like the real card
 * at {@value #PX_PER_MM} px/mm. Purely synthetic: a placeholder silhouette instead of a portrait.
 */
public final class CardRenderer {

    public static final double PX_PER_MM = 12.5;
    public static final int WIDTH = (int) Math.round(85.6 * PX_PER_MM);
    public static final int HEIGHT = (int) Math.round(54 * PX_PER_MM);
    private static final Color LABEL = new Color(30, 90, 150);
    private static final Color INK = new Color(20, 20, 20);

    private final Font font;

    public CardRenderer(Font font) {
        this.font = font;
    }

    public BufferedImage front(Identity id) {
        BufferedImage img = blank();
        Graphics2D g = graphics(img);
        try {
            label(g, "姓  名", 6, 10);
            text(g, id.name(), 16, 10, 3.8f);
            label(g, "性  别", 6, 17.5);
            text(g, id.gender().printed(), 16, 17.5, 3.3f);
            label(g, "民  族", 27, 17.5);
            text(g, id.ethnicity(), 36, 17.5, 3.3f);
            label(g, "出  生", 6, 25);
            LocalDate b = id.birthDate();
            text(g, b.getYear() + "", 16, 25, 3.3f);
            label(g, "年", 26.5, 25);
            text(g, b.getMonthValue() + "", 31, 25, 3.3f);
            label(g, "月", 35.5, 25);
            text(g, b.getDayOfMonth() + "", 40, 25, 3.3f);
            label(g, "日", 44.5, 25);
            label(g, "住  址", 6, 32.5);
            address(g, id.address());
            label(g, "公民身份号码", 6, 47.5);
            spaced(g, id.idNumber(), 26, 47.5, 3.6f, 0.25f);
            portrait(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    public BufferedImage back(Identity id) {
        BufferedImage img = blank();
        Graphics2D g = graphics(img);
        try {
            emblem(g);
            text(g, "中华人民共和国", 28, 14, 5f);
            spaced(g, "居民身份证", 25, 26, 7f, 2.2f);
            label(g, "签发机关", 14, 41);
            text(g, id.authority(), 30, 41, 3.3f);
            label(g, "有效期限", 14, 48);
            text(g, id.validity().printed(), 30, 48, 3.3f);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static BufferedImage blank() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(208, 222, 232), WIDTH, HEIGHT, new Color(230, 222, 210)));
            g.fill(new RoundRectangle2D.Double(0, 0, WIDTH, HEIGHT, 40, 40));
            g.setColor(new Color(190, 205, 220, 90));
            g.setStroke(new BasicStroke(1.5f));
            for (int k = 0; k < 14; k++) {
                int[] xs = new int[60];
                int[] ys = new int[60];
                for (int i = 0; i < 60; i++) {
                    xs[i] = i * WIDTH / 59;
                    ys[i] = (int) (k * HEIGHT / 13.0 + 12 * Math.sin(i / 4.0 + k));
                }
                g.drawPolyline(xs, ys, 60);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    private static int px(double mm) {
        return (int) Math.round(mm * PX_PER_MM);
    }

    private void label(Graphics2D g, String s, double xMm, double yMm) {
        g.setColor(LABEL);
        g.setFont(font.deriveFont((float) (2.7 * PX_PER_MM)));
        g.drawString(s, px(xMm), px(yMm));
    }

    private void text(Graphics2D g, String s, double xMm, double yMm, float sizeMm) {
        g.setColor(INK);
        g.setFont(font.deriveFont((float) (sizeMm * PX_PER_MM)));
        g.drawString(s, px(xMm), px(yMm));
    }

    private void spaced(Graphics2D g, String s, double xMm, double yMm, float sizeMm, float gapMm) {
        g.setColor(INK);
        g.setFont(font.deriveFont((float) (sizeMm * PX_PER_MM)));
        double x = px(xMm);
        for (char c : s.toCharArray()) {
            g.drawString(String.valueOf(c), (float) x, px(yMm));
            x += g.getFontMetrics().charWidth(c) + gapMm * PX_PER_MM;
        }
    }

    /** Wraps the address at the portrait's left edge, as the real card does. */
    private void address(Graphics2D g, String address) {
        g.setFont(font.deriveFont((float) (3.3 * PX_PER_MM)));
        int maxWidth = px(34);
        double y = 32.5;
        StringBuilder line = new StringBuilder();
        for (char c : address.toCharArray()) {
            if (g.getFontMetrics().stringWidth(line.toString() + c) > maxWidth) {
                text(g, line.toString(), 16, y, 3.3f);
                line.setLength(0);
                y += 4.6;
            }
            line.append(c);
        }
        text(g, line.toString(), 16, y, 3.3f);
    }

    private static void portrait(Graphics2D g) {
        g.setColor(new Color(200, 205, 210));
        g.fillRect(px(56), px(7), px(24), px(32));
        var clip = g.getClip();
        g.clipRect(px(56), px(7), px(24), px(32));
        g.setColor(new Color(120, 125, 135));
        g.fill(new Ellipse2D.Double(px(62), px(11), px(12), px(14)));
        g.fill(new Ellipse2D.Double(px(58), px(26), px(20), px(20)));
        g.setClip(clip);
    }

    private static void emblem(Graphics2D g) {
        g.setColor(new Color(200, 30, 30));
        g.fill(new Ellipse2D.Double(px(7), px(5), px(14), px(14)));
        g.setColor(new Color(240, 200, 60));
        g.fill(new Ellipse2D.Double(px(11.5), px(9.5), px(5), px(5)));
    }
}
