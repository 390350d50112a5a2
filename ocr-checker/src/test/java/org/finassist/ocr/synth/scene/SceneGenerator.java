package org.finassist.ocr.synth.scene;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.synth.CardRenderer;
import org.finassist.ocr.synth.Identities;
import org.finassist.ocr.synth.Identity;
import org.finassist.ocr.synth.PhotoSimulator;
import org.finassist.ocr.synth.scene.Textures.Surface;

/**
 * The realistic evaluation set: specimen cards from {@link CardRenderer} composited onto procedurally textured desks
 * as phones and scanners capture them (perspective, uneven light, sensor noise, JPEG), plus the non-ID pictures
 * customers send by mistake. Deterministic per (split, kind, index); the build and held-out splits use disjoint
 * seeds, so the held-out third can be measured without ever having been looked at. Images are generated on demand
 * and never stored.
 */
public final class SceneGenerator {

    private static final long BUILD_SEED = 17_001;
    private static final long HELD_OUT_SEED = 90_017;

    private final CardRenderer cards;
    private final NonIdRenderer others;
    private final LocalDate today;
    private final long heldOutSeed;

    public SceneGenerator(Font font, LocalDate today) {
        this(font, today, HELD_OUT_SEED);
    }

    /**
     * @param heldOutSeed the held-out split's seed base; a new base gives a fresh held-out split nobody has looked at
     *                    (a split once seen while tuning is contaminated). Must differ from the build base.
     */
    public SceneGenerator(Font font, LocalDate today, long heldOutSeed) {
        if (heldOutSeed == BUILD_SEED) {
            throw new IllegalArgumentException("the held-out seed base must differ from the build split's");
        }
        this.cards = new CardRenderer(font);
        this.others = new NonIdRenderer(font);
        this.today = today;
        this.heldOutSeed = heldOutSeed;
    }

    /** The seed base of the held-out split as first used (issue 17, seen once before a fix). */
    public static long defaultHeldOutSeed() {
        return HELD_OUT_SEED;
    }

    /** {@code perKind} scenes of every kind for one split (2/3 : 1/3 is the caller's choice of counts). */
    public List<Scene> generate(Scene.Split split, int perKind) {
        List<Scene> out = new ArrayList<>();
        for (SceneKind kind : SceneKind.values()) {
            for (int i = 0; i < perKind; i++) {
                out.add(scene(split, kind, i));
            }
        }
        return out;
    }

    public Scene scene(Scene.Split split, SceneKind kind, int index) {
        long base = split == Scene.Split.BUILD ? BUILD_SEED : heldOutSeed;
        long seed = base * 1_000_003L + kind.ordinal() * 10_007L + index;
        Random r = new Random(seed);
        Identity id = new Identities(seed, today).next();
        CardSide side = kind.expect() == SceneKind.Expect.NOT_ID ? CardSide.UNKNOWN
                : index % 3 == 2 ? CardSide.BACK : CardSide.FRONT;
        BufferedImage img = switch (kind.expect()) {
            case NOT_ID -> nonId(kind, r, id);
            default -> card(kind, side == CardSide.BACK ? cards.back(id) : cards.front(id), r);
        };
        boolean scan = kind == SceneKind.FLATBED_SCAN || kind == SceneKind.BOTH_SIDES_PAGE && r.nextBoolean();
        if (!scan) {
            img = finish(img, r, kind == SceneKind.UNEVEN_LIGHT);
        }
        if (kind == SceneKind.GLARE) {
            // reflected light clips in the camera after exposure, so the spot goes on last
            glare(img, r);
        }
        float quality = 0.72f + r.nextFloat() * 0.2f;
        byte[] upload = PhotoSimulator.encodeJpeg(img, quality);
        return new Scene(split, kind, index, side, kind.expect() == SceneKind.Expect.NOT_ID ? null : id, upload,
                img.getWidth(), img.getHeight());
    }

    // ---------------------------------------------------------------- ID cards

    private BufferedImage card(SceneKind kind, BufferedImage card, Random r) {
        return switch (kind) {
            case WOOD_DESK -> desk(card, Surface.WOOD, r, 0);
            case STONE_DESK -> desk(card, Surface.STONE, r, 0);
            case GRANITE_DESK -> desk(card, Surface.GRANITE, r, 0);
            case FABRIC -> desk(card, Surface.FABRIC, r, 0);
            case LIGHT_GREY_DESK -> desk(card, Surface.LIGHT_GREY, r, 0);
            case BEIGE_DESK -> desk(card, Surface.BEIGE, r, 0);
            case WHITE_DESK -> desk(card, Surface.WHITE, r, 0);
            case PATTERNED_CLOTH -> desk(card, r.nextBoolean() ? Surface.CHECKED_CLOTH : Surface.FLORAL_CLOTH, r, 0);
            case FINGERS -> fingers(card, r);
            case FLATBED_SCAN -> scan(card, r);
            case CARD_FILLING -> filling(card, r, -1.5, 3, 1000 + r.nextInt(400));
            case ALBUM_SIZED -> filling(card, r, 0, 5, 400 + r.nextInt(301));
            case PERSPECTIVE -> desk(card, anySurface(r), r, 0.07 + r.nextDouble() * 0.06);
            case UNEVEN_LIGHT -> desk(card, anySurface(r), r, 0);
            case WATERMARK -> watermark(desk(card, anySurface(r), r, 0), r);
            case BLUR -> PhotoSimulator.blur(desk(card, anySurface(r), r, 0), blurSigma(r));
            case GLARE -> placed(card, anySurface(r), r, 0.55 + r.nextDouble() * 0.2, r.nextDouble() * 5 - 2.5, 0.02,
                    false);
            case DARK -> scale(desk(card, anySurface(r), r, 0), 0.14 + r.nextDouble() * 0.14);
            case TILT -> placed(card, anySurface(r), r, 0.5 + r.nextDouble() * 0.2,
                    (r.nextBoolean() ? 1 : -1) * (14 + r.nextDouble() * 21), 0, false);
            case CUT_CORNER -> placed(card, anySurface(r), r, 0.55 + r.nextDouble() * 0.2,
                    r.nextDouble() * 6 - 3, 0.02, true);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /** Scale and corners of the card last placed (the generator is single-threaded). */
    private double lastPxPerMm = 10;
    private Point2D[] lastCorners;

    /** Blur of 0.3–0.5 mm on the card. */
    private double blurSigma(Random r) {
        return (0.3 + r.nextDouble() * 0.2) * lastPxPerMm;
    }

    private static Surface anySurface(Random r) {
        return Surface.values()[r.nextInt(Surface.values().length)];
    }

    private BufferedImage desk(BufferedImage card, Surface s, Random r, double perspective) {
        return placed(card, s, r, 0.5 + r.nextDouble() * 0.3, r.nextDouble() * 7 - 3.5,
                perspective == 0 ? r.nextDouble() * 0.03 : perspective, false);
    }

    /** The card on a surface in a phone-shaped frame, all four corners inside unless {@code cutCorner}. */
    private BufferedImage placed(BufferedImage card, Surface s, Random r, double widthShare, double angleDeg,
                                 double perspective, boolean cutCorner) {
        boolean portraitFrame = r.nextInt(4) == 0;
        int w = portraitFrame ? 960 : 1280 + (r.nextBoolean() ? 0 : 320);
        int h = portraitFrame ? 1280 : w * 3 / 4;
        double cw = portraitFrame ? w * Math.min(0.85, widthShare + 0.2) : w * widthShare;
        Point2D[] local;
        double[] box;
        while (true) {
            local = corners(cw, cw * card.getHeight() / card.getWidth(), angleDeg, perspective, r);
            box = bounds(local);
            if (box[2] - box[0] <= 0.94 * w && box[3] - box[1] <= 0.94 * h) {
                break;
            }
            cw *= 0.92;
        }
        double ch = cw * card.getHeight() / card.getWidth();
        lastPxPerMm = cw / 85.6;
        double cx;
        double cy;
        if (cutCorner) {
            double outX = cw * (0.12 + r.nextDouble() * 0.12);
            double outY = ch * (0.15 + r.nextDouble() * 0.15);
            boolean left = r.nextBoolean();
            boolean top = r.nextBoolean();
            cx = left ? -box[0] - outX : w - box[2] + outX;
            cy = top ? -box[1] - outY : h - box[3] + outY;
        } else {
            double margin = 0.03 * w;
            cx = margin - box[0] + r.nextDouble() * Math.max(0, w - 2 * margin - (box[2] - box[0]));
            cy = margin - box[1] + r.nextDouble() * Math.max(0, h - 2 * margin - (box[3] - box[1]));
        }
        BufferedImage scene = Textures.draw(s, w, h, r);
        shadow(scene, local, cx, cy);
        lastCorners = shift(local, cx, cy);
        Warp.draw(card, scene, lastCorners);
        return scene;
    }

    /** Corners of a card of the given size centred on the origin, rotated and keystoned as by a tilted phone. */
    private static Point2D[] corners(double cw, double ch, double angleDeg, double perspective, Random r) {
        double[][] c = {{-cw / 2, -ch / 2}, {cw / 2, -ch / 2}, {cw / 2, ch / 2}, {-cw / 2, ch / 2}};
        boolean topFar = r.nextBoolean();
        boolean horizontal = r.nextInt(3) == 0;
        for (int i = 0; i < 4; i++) {
            double k = perspective * (horizontal ? (i == 0 || i == 3 ? 1 : -1) : (i < 2 ? 1 : -1)) * (topFar ? 1 : -1);
            if (horizontal) {
                c[i][1] *= 1 - k;
            } else {
                c[i][0] *= 1 - k;
            }
            c[i][0] += r.nextGaussian() * cw * 0.004;
            c[i][1] += r.nextGaussian() * cw * 0.004;
        }
        double a = Math.toRadians(angleDeg);
        Point2D[] out = new Point2D[4];
        for (int i = 0; i < 4; i++) {
            out[i] = new Point2D.Double(c[i][0] * Math.cos(a) - c[i][1] * Math.sin(a),
                    c[i][0] * Math.sin(a) + c[i][1] * Math.cos(a));
        }
        return out;
    }

    private static double[] bounds(Point2D[] p) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Point2D q : p) {
            b[0] = Math.min(b[0], q.getX());
            b[1] = Math.min(b[1], q.getY());
            b[2] = Math.max(b[2], q.getX());
            b[3] = Math.max(b[3], q.getY());
        }
        return b;
    }

    private static Point2D[] shift(Point2D[] p, double dx, double dy) {
        Point2D[] out = new Point2D[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = new Point2D.Double(p[i].getX() + dx, p[i].getY() + dy);
        }
        return out;
    }

    /** A soft contact shadow under the card, as any card lying on a desk casts. */
    private static void shadow(BufferedImage scene, Point2D[] local, double cx, double cy) {
        Graphics2D g = scene.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int k = 6; k >= 1; k--) {
            java.awt.geom.Path2D path = new java.awt.geom.Path2D.Double();
            for (int i = 0; i < 4; i++) {
                double x = local[i].getX() * (1 + k * 0.004) + cx + k * 0.8;
                double y = local[i].getY() * (1 + k * 0.004) + cy + k * 1.2;
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            path.closePath();
            g.setColor(new Color(0, 0, 0, 14));
            g.fill(path);
        }
        g.dispose();
    }

    private BufferedImage fingers(BufferedImage card, Random r) {
        BufferedImage scene = placed(card, anySurface(r), r, 0.55 + r.nextDouble() * 0.2, r.nextDouble() * 5 - 2.5,
                0.02, false);
        Graphics2D g = NonIdRenderer.graphics(scene);
        int w = scene.getWidth();
        int h = scene.getHeight();
        double mm = lastPxPerMm;
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            double fw = 16 * mm;
            double len = 0.45 * h;
            boolean fromRight = r.nextBoolean();
            // a thumb entering from the side, its tip over the card's border next to the portrait or the emblem
            double tipX = fromRight ? w * (0.80 + r.nextDouble() * 0.05) : w * (0.12 + r.nextDouble() * 0.05);
            double tipY = h * (0.2 + r.nextDouble() * 0.6);
            AffineTransform t = new AffineTransform();
            t.translate(tipX, tipY);
            t.rotate(fromRight ? Math.PI / 2 + (r.nextDouble() - 0.5) * 0.6 : -Math.PI / 2 + (r.nextDouble() - 0.5) * 0.6);
            var shape = t.createTransformedShape(new RoundRectangle2D.Double(-fw / 2, -len, fw, len + fw / 2, fw, fw));
            Color skin = new Color(200 + r.nextInt(40), 150 + r.nextInt(40), 120 + r.nextInt(40));
            g.setPaint(new GradientPaint((float) tipX, (float) tipY, skin,
                    (float) (tipX + (fromRight ? len : -len)), (float) tipY, skin.darker()));
            g.fill(shape);
        }
        g.dispose();
        return scene;
    }

    /** A flatbed scan: the card near a corner of an A4 page at 150–300 dpi, the rest paper white. */
    private BufferedImage scan(BufferedImage card, Random r) {
        int dpi = 150 + r.nextInt(151);
        double pxPerMm = dpi / 25.4;
        int w = (int) (210 * pxPerMm);
        int h = (int) (297 * pxPerMm);
        BufferedImage page = Textures.draw(Surface.WHITE, w, h, r);
        double cw = 85.6 * pxPerMm;
        double ch = 54 * pxPerMm;
        lastPxPerMm = pxPerMm;
        double mx = (4 + r.nextDouble() * 40) * pxPerMm;
        double my = (4 + r.nextDouble() * 60) * pxPerMm;
        Point2D[] local = corners(cw, ch, r.nextDouble() * 3 - 1.5, 0, r);
        Warp.draw(card, page, shift(local, mx + cw / 2, my + ch / 2));
        return noise(PhotoSimulator.blur(page, 0.5), r, 1.5);
    }

    /** The card filling the frame: cropped at its outline plus a margin of {@code minMm}..{@code maxMm} per side. */
    private BufferedImage filling(BufferedImage card, Random r, double minMm, double maxMm, int outWidth) {
        double pxPerMm = 12 + r.nextDouble() * 4;
        double cw = 85.6 * pxPerMm;
        double ch = 54 * pxPerMm;
        double[] m = new double[4];
        for (int i = 0; i < 4; i++) {
            m[i] = (minMm + r.nextDouble() * (maxMm - minMm)) * pxPerMm;
        }
        int w = (int) Math.round(cw + m[0] + m[2]);
        int h = (int) Math.round(ch + m[1] + m[3]);
        BufferedImage scene = Textures.draw(r.nextBoolean() ? Surface.WHITE : anySurface(r), w, h, r);
        Point2D[] local = corners(cw, ch, r.nextDouble() * 2 - 1, 0, r);
        Warp.draw(card, scene, shift(local, m[0] + cw / 2, m[1] + ch / 2));
        double f = outWidth / (double) w;
        lastPxPerMm = pxPerMm * f;
        return resize(scene, outWidth, (int) Math.round(h * f));
    }

    private void glare(BufferedImage scene, Random r) {
        // the spot lands on the printed rows (address and number on the front, authority and validity on the back)
        Graphics2D g = scene.createGraphics();
        float radius = (float) ((8 + r.nextDouble() * 6) * lastPxPerMm);
        Point2D at = onCard(0.2 + r.nextDouble() * 0.4, 0.45 + r.nextDouble() * 0.4);
        float x = (float) at.getX();
        float y = (float) at.getY();
        g.setPaint(new RadialGradientPaint(x, y, radius, new float[]{0f, 0.65f, 1f},
                new Color[]{Color.WHITE, new Color(255, 255, 255, 240), new Color(255, 255, 255, 0)}));
        g.fillOval((int) (x - radius), (int) (y - radius), (int) (2 * radius), (int) (2 * radius));
        g.dispose();
    }

    /** A point of the last placed card at fractions (u, v) of its width and height. */
    private Point2D onCard(double u, double v) {
        Point2D[] c = lastCorners;
        double x = (c[0].getX() * (1 - u) + c[1].getX() * u) * (1 - v) + (c[3].getX() * (1 - u) + c[2].getX() * u) * v;
        double y = (c[0].getY() * (1 - u) + c[1].getY() * u) * (1 - v) + (c[3].getY() * (1 - u) + c[2].getY() * u) * v;
        return new Point2D.Double(x, y);
    }

    private BufferedImage watermark(BufferedImage scene, Random r) {
        Graphics2D g = NonIdRenderer.graphics(scene);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.18f + r.nextFloat() * 0.1f));
        g.setColor(r.nextBoolean() ? new Color(90, 90, 90) : new Color(200, 40, 40));
        g.setFont(others.font().deriveFont((float) (5 * lastPxPerMm)));
        g.rotate(Math.toRadians(-20 - r.nextInt(15)), scene.getWidth() / 2.0, scene.getHeight() / 2.0);
        g.drawString("仅供开户使用", (int) (scene.getWidth() * 0.3), (int) (scene.getHeight() * 0.5));
        g.dispose();
        return scene;
    }

    // ---------------------------------------------------------------- not ID cards

    private BufferedImage nonId(SceneKind kind, Random r, Identity id) {
        return switch (kind) {
            case BANK_CARD -> placed(others.bankCard(r), anySurface(r), r, 0.6, r.nextDouble() * 6 - 3, 0.03, false);
            case RECEIPT -> placed(others.receipt(r), anySurface(r), r, 0.35, r.nextDouble() * 6 - 3, 0.03, false);
            case TICKET -> placed(others.ticket(r, id.idNumber().substring(0, 10) + "****" + id.idNumber().substring(14),
                    id.name()), anySurface(r), r, 0.65, r.nextDouble() * 6 - 3, 0.03, false);
            case QR_CODE -> placed(others.qrCode(r), anySurface(r), r, 0.4, r.nextDouble() * 6 - 3, 0.03, false);
            case PORTRAIT -> others.portrait(r, 960, 1280);
            case BOTH_SIDES_PAGE -> bothSides(id, r);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /** A photocopy with both sides on one A4 page, the way branches used to ask for it. */
    private BufferedImage bothSides(Identity id, Random r) {
        double pxPerMm = 5 + r.nextDouble() * 3;
        int w = (int) (210 * pxPerMm);
        int h = (int) (297 * pxPerMm);
        BufferedImage page = Textures.draw(Surface.WHITE, w, h, r);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        int cw = (int) (85.6 * pxPerMm);
        int ch = (int) (54 * pxPerMm);
        int x = (w - cw) / 2;
        g.drawImage(cards.front(id), x, (int) (50 * pxPerMm), cw, ch, null);
        g.drawImage(cards.back(id), x, (int) (160 * pxPerMm), cw, ch, null);
        g.dispose();
        return grey(page);
    }

    // ---------------------------------------------------------------- camera

    /** Uneven light, sensor noise and lens softness as every phone photo has them. */
    private static BufferedImage finish(BufferedImage img, Random r, boolean strongLight) {
        double a = (r.nextDouble() - 0.5) * (strongLight ? 0.9 : 0.25);
        double b = (r.nextDouble() - 0.5) * (strongLight ? 0.9 : 0.25);
        double vignette = strongLight ? 0.35 : 0.12;
        double warm = strongLight ? r.nextDouble() * 0.12 : 0;
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x / (double) w - 0.5;
                double dy = y / (double) h - 0.5;
                double l = (1 + a * dx + b * dy) * (1 - vignette * (dx * dx + dy * dy) * 2);
                int p = px[y * w + x];
                px[y * w + x] = Textures.rgb(((p >> 16) & 0xFF) * l * (1 + warm), ((p >> 8) & 0xFF) * l,
                        (p & 0xFF) * l * (1 - warm));
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return noise(PhotoSimulator.blur(out, 0.4 + r.nextDouble() * 0.4), r, 2 + r.nextDouble() * 3);
    }

    private static BufferedImage noise(BufferedImage img, Random r, double sigma) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double n = r.nextGaussian() * sigma;
            px[i] = Textures.rgb(((p >> 16) & 0xFF) + n, ((p >> 8) & 0xFF) + n, (p & 0xFF) + n);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static BufferedImage scale(BufferedImage img, double mul) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = Textures.rgb(((p >> 16) & 0xFF) * mul, ((p >> 8) & 0xFF) * mul, (p & 0xFF) * mul);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static BufferedImage grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double y = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
            px[i] = Textures.rgb(y, y, y);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static BufferedImage resize(BufferedImage img, int w, int h) {
        BufferedImage cur = img;
        // halve repeatedly first: one bilinear step from far larger aliases the print like no camera does
        while (cur.getWidth() / 2 >= w) {
            cur = step(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return step(cur, w, h);
    }

    private static BufferedImage step(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
