package org.finassist.server.opening;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A plain synthetic ID-card photo for HTTP tests (the full generator with degradations lives in ocr-checker's
 * tests). The identity is made up; the number's check digit is computed, not real.
 */
public final class SpecimenCard {

    static final String NAME = "林晓东";
    static final String ID = "110101199003071233";

    private SpecimenCard() {
    }

    public static Optional<Font> cjkFont() {
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .filter(f -> f.contains("WenQuanYi Zen Hei") || f.contains("Noto Sans CJK"))
                .sorted().findFirst().map(f -> new Font(f, Font.PLAIN, 12));
    }

    public static byte[] frontJpeg(Font font) throws Exception {
        return jpeg(front(font));
    }

    /** The same card out of focus (a separable Gaussian blur), as a shaky phone camera takes it. */
    public static byte[] blurredFrontJpeg(Font font, double sigma) throws Exception {
        int radius = (int) Math.ceil(sigma * 3);
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        BufferedImage h = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null).filter(front(font), null);
        return jpeg(new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null).filter(h, null));
    }

    private static BufferedImage front(Font font) {
        BufferedImage photo = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(60, 50, 45));
        g.fillRect(0, 0, 1280, 960);
        g.setColor(new Color(214, 224, 230));
        g.fillRoundRect(190, 200, 900, 568, 30, 30);
        g.setColor(new Color(200, 205, 210));
        g.fillRect(780, 260, 250, 330);
        text(g, font, 24, new Color(30, 90, 150), 250, 300, "姓  名");
        text(g, font, 40, Color.BLACK, 360, 300, NAME);
        text(g, font, 24, new Color(30, 90, 150), 250, 380, "性  别");
        text(g, font, 34, Color.BLACK, 360, 380, "男");
        text(g, font, 24, new Color(30, 90, 150), 470, 380, "民  族");
        text(g, font, 34, Color.BLACK, 580, 380, "汉");
        text(g, font, 24, new Color(30, 90, 150), 250, 460, "出  生");
        text(g, font, 34, Color.BLACK, 360, 460, "1990年3月7日");
        text(g, font, 24, new Color(30, 90, 150), 250, 540, "住  址");
        text(g, font, 34, Color.BLACK, 360, 540, "北京市东城区长安街1号");
        text(g, font, 24, new Color(30, 90, 150), 250, 700, "公民身份号码");
        text(g, font, 38, Color.BLACK, 480, 700, ID);
        g.dispose();
        return photo;
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static void text(Graphics2D g, Font font, float size, Color c, int x, int y, String s) {
        g.setFont(font.deriveFont(size));
        g.setColor(c);
        g.drawString(s, x, y);
    }
}
