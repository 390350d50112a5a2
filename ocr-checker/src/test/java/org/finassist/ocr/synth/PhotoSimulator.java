package org.finassist.ocr.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/** Places a rendered card on a table-like background as a phone would photograph it, then degrades it. */
public final class PhotoSimulator {

    public static final int W = 1280;
    public static final int H = 960;

    private final Random random;

    public PhotoSimulator(long seed) {
        this.random = new Random(seed);
    }

    public BufferedImage photo(BufferedImage card, Degradation d) {
        double widthShare = d == Degradation.SMALL ? 0.26 + random.nextDouble() * 0.04 : 0.58 + random.nextDouble() * 0.2;
        double angle = switch (d) {
            case TILT -> (random.nextBoolean() ? 1 : -1) * (14 + random.nextDouble() * 16);
            case SLIGHT_ROTATION -> (random.nextBoolean() ? 1 : -1) * (2 + random.nextDouble() * 3);
            default -> random.nextDouble() * 3 - 1.5;
        };
        BufferedImage scene = place(card, widthShare, angle, d);
        return switch (d) {
            case JPEG -> jpeg(scene, 0.5f + random.nextFloat() * 0.2f);
            case NOISE -> noise(scene, 6);
            case SLIGHT_BLUR -> blur(scene, 0.9);
            case DIM -> scale(scene, 0.72, 0);
            case BLUR -> blur(scene, 3.5 + random.nextDouble() * 1.5);
            case MOTION_BLUR -> motion(scene, 16 + random.nextInt(14));
            case DARK -> scale(scene, 0.22 + random.nextDouble() * 0.08, 0);
            case OVEREXPOSED -> scale(scene, 1.5, 70);
            case GLARE -> glare(scene);
            default -> scene;
        };
    }

    private BufferedImage place(BufferedImage card, double widthShare, double angleDeg, Degradation d) {
        BufferedImage scene = background();
        double cardW = W * widthShare;
        double s = cardW / card.getWidth();
        double cardH = card.getHeight() * s;
        double cx = W / 2.0 + (random.nextDouble() - 0.5) * (W - cardW) * 0.5;
        double cy = H / 2.0 + (random.nextDouble() - 0.5) * (H - cardH) * 0.5;
        if (d == Degradation.CUT_OFF) {
            cx = random.nextBoolean() ? cardW * (0.2 + random.nextDouble() * 0.15) : W - cardW * (0.2 + random.nextDouble() * 0.15);
        }
        Graphics2D g = scene.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            AffineTransform t = new AffineTransform();
            t.translate(cx, cy);
            t.rotate(Math.toRadians(angleDeg));
            if (d == Degradation.SKEW) {
                t.shear(0.04, 0.02);
            }
            t.scale(s, s);
            t.translate(-card.getWidth() / 2.0, -card.getHeight() / 2.0);
            g.drawImage(card, t, null);
        } finally {
            g.dispose();
        }
        return scene;
    }

    private BufferedImage background() {
        BufferedImage bg = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int base = 45 + random.nextInt(40);
        int[] row = new int[W];
        double[] wave = new double[W];
        for (int x = 0; x < W; x++) {
            wave[x] = Math.sin(x / 90.0) * 3;
        }
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int grain = (int) (6 * Math.sin(y / 7.0 + wave[x])) + ((x * 7 + y * 13) % 7) - 3;
                int r = clamp(base + 18 + grain);
                int gg = clamp(base + 8 + grain);
                int b = clamp(base + grain);
                row[x] = r << 16 | gg << 8 | b;
            }
            bg.setRGB(0, y, W, 1, row, 0, W);
        }
        return bg;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static BufferedImage scale(BufferedImage img, double mul, double add) {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = clamp(((p >> 16) & 0xFF) * mul + add) << 16 | clamp(((p >> 8) & 0xFF) * mul + add) << 8
                    | clamp((p & 0xFF) * mul + add);
        }
        return rgb(img.getWidth(), img.getHeight(), px);
    }

    private BufferedImage noise(BufferedImage img, double sigma) {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double n = random.nextGaussian() * sigma;
            px[i] = clamp(((p >> 16) & 0xFF) + n) << 16 | clamp(((p >> 8) & 0xFF) + n) << 8 | clamp((p & 0xFF) + n);
        }
        return rgb(img.getWidth(), img.getHeight(), px);
    }

    private static BufferedImage rgb(int w, int h, int[] px) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    public static BufferedImage blur(BufferedImage img, double sigma) {
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
        BufferedImage h = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        return new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null).filter(h, null);
    }

    private static BufferedImage motion(BufferedImage img, int length) {
        float[] k = new float[length];
        java.util.Arrays.fill(k, 1f / length);
        return new ConvolveOp(new Kernel(length, 1, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
    }

    private BufferedImage glare(BufferedImage img) {
        BufferedImage out = scale(img, 1, 0);
        Graphics2D g = out.createGraphics();
        try {
            int spots = 1 + random.nextInt(2);
            for (int i = 0; i < spots; i++) {
                float r = (float) (W * (0.07 + random.nextDouble() * 0.05));
                float x = (float) (W * (0.35 + random.nextDouble() * 0.3));
                float y = (float) (H * (0.35 + random.nextDouble() * 0.3));
                g.setPaint(new RadialGradientPaint(x, y, r, new float[]{0f, 0.6f, 1f},
                        new Color[]{Color.WHITE, new Color(255, 255, 255, 235), new Color(255, 255, 255, 0)}));
                g.fillOval((int) (x - r), (int) (y - r), (int) (2 * r), (int) (2 * r));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    public static BufferedImage jpeg(BufferedImage img, float quality) {
        return decode(encodeJpeg(img, quality));
    }

    public static byte[] encodeJpeg(BufferedImage img, float quality) {
        try {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            ImageWriter w = writers.next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                w.write(null, new IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encodePng(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
