package org.finassist.ocr.quality;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Finds the card as the largest region whose colour differs from the background, estimated as the median of the
 * frame's border pixels, on a copy shrunk to {@value #WORK} px. Its orientation comes from second-order moments and
 * its extent from robust percentiles along the principal axes. Works for the common case of a card on a plain
 * surface; a card on a surface of the same colour is reported as not found, with advice to change the surface.
 */
public final class CardLocator {

    static final int WORK = 320;
    private static final int COLOUR_DISTANCE = 60;

    public CardRegion locate(BufferedImage img) {
        Shrunk s = Shrunk.of(img, WORK);
        boolean[] mask = foreground(s);
        int[] component = largestComponent(mask, s.w, s.h);
        if (component.length < 0.03 * s.w * s.h) {
            return CardRegion.notFound();
        }
        return measure(component, s, img.getWidth(), img.getHeight());
    }

    private static boolean[] foreground(Shrunk s) {
        int[] bg = borderMedian(s);
        boolean[] mask = new boolean[s.w * s.h];
        for (int i = 0; i < mask.length; i++) {
            int p = s.rgb[i];
            int d = Math.abs(((p >> 16) & 0xFF) - bg[0]) + Math.abs(((p >> 8) & 0xFF) - bg[1])
                    + Math.abs((p & 0xFF) - bg[2]);
            mask[i] = d > COLOUR_DISTANCE;
        }
        return mask;
    }

    private static int[] borderMedian(Shrunk s) {
        int n = 2 * (s.w + s.h);
        int[][] ch = new int[3][n];
        int k = 0;
        for (int x = 0; x < s.w; x++) {
            k = put(ch, k, s.rgb[x]);
            k = put(ch, k, s.rgb[(s.h - 1) * s.w + x]);
        }
        for (int y = 0; y < s.h; y++) {
            k = put(ch, k, s.rgb[y * s.w]);
            k = put(ch, k, s.rgb[y * s.w + s.w - 1]);
        }
        int[] med = new int[3];
        for (int c = 0; c < 3; c++) {
            int[] v = Arrays.copyOf(ch[c], k);
            Arrays.sort(v);
            med[c] = v[k / 2];
        }
        return med;
    }

    private static int put(int[][] ch, int k, int p) {
        ch[0][k] = (p >> 16) & 0xFF;
        ch[1][k] = (p >> 8) & 0xFF;
        ch[2][k] = p & 0xFF;
        return k + 1;
    }

    /** Indices of the largest 4-connected foreground component. */
    private static int[] largestComponent(boolean[] mask, int w, int h) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            int size = flood(mask, label, queue, start, next, w, h);
            if (size > bestSize) {
                bestSize = size;
                best = next;
            }
        }
        int[] out = new int[bestSize];
        int k = 0;
        for (int i = 0; i < label.length && k < bestSize; i++) {
            if (label[i] == best) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int flood(boolean[] mask, int[] label, int[] queue, int start, int id, int w, int h) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        label[start] = id;
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            if (x > 0) tail = visit(mask, label, queue, tail, i - 1, id);
            if (x < w - 1) tail = visit(mask, label, queue, tail, i + 1, id);
            if (y > 0) tail = visit(mask, label, queue, tail, i - w, id);
            if (y < h - 1) tail = visit(mask, label, queue, tail, i + w, id);
        }
        return tail;
    }

    private static int visit(boolean[] mask, int[] label, int[] queue, int tail, int j, int id) {
        if (mask[j] && label[j] == 0) {
            label[j] = id;
            queue[tail++] = j;
        }
        return tail;
    }

    private static CardRegion measure(int[] comp, Shrunk s, int srcW, int srcH) {
        double cx = 0;
        double cy = 0;
        for (int i : comp) {
            cx += i % s.w;
            cy += i / s.w;
        }
        cx /= comp.length;
        cy /= comp.length;
        double mxx = 0;
        double myy = 0;
        double mxy = 0;
        for (int i : comp) {
            double dx = i % s.w - cx;
            double dy = i / s.w - cy;
            mxx += dx * dx;
            myy += dy * dy;
            mxy += dx * dy;
        }
        double theta = 0.5 * Math.atan2(2 * mxy, mxx - myy);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double[] u = new double[comp.length];
        double[] v = new double[comp.length];
        for (int k = 0; k < comp.length; k++) {
            double dx = comp[k] % s.w - cx;
            double dy = comp[k] / s.w - cy;
            u[k] = dx * cos + dy * sin;
            v[k] = -dx * sin + dy * cos;
        }
        Arrays.sort(u);
        Arrays.sort(v);
        double u0 = pct(u, 0.003);
        double u1 = pct(u, 0.997) + 1;
        double v0 = pct(v, 0.003);
        double v1 = pct(v, 0.997) + 1;
        double mu = (u0 + u1) / 2;
        double mv = (v0 + v1) / 2;
        double centerX = (cx + 0.5 + mu * cos - mv * sin) / s.scale;
        double centerY = (cy + 0.5 + mu * sin + mv * cos) / s.scale;
        double length = (u1 - u0) / s.scale;
        double breadth = (v1 - v0) / s.scale;
        double fill = (u1 - u0) * (v1 - v0) / (s.w * (double) s.h);
        return new CardRegion(true, centerX, centerY, length, breadth, Math.toDegrees(theta),
                Math.min(1, fill), edgeContact(comp, s));
    }

    private static double pct(double[] sorted, double p) {
        return sorted[(int) Math.round(p * (sorted.length - 1))];
    }

    private static double edgeContact(int[] comp, Shrunk s) {
        int top = 0;
        int bottom = 0;
        int left = 0;
        int right = 0;
        for (int i : comp) {
            int x = i % s.w;
            int y = i / s.w;
            top += y == 0 ? 1 : 0;
            bottom += y == s.h - 1 ? 1 : 0;
            left += x == 0 ? 1 : 0;
            right += x == s.w - 1 ? 1 : 0;
        }
        return Math.max(Math.max(top, bottom) / (double) s.w, Math.max(left, right) / (double) s.h);
    }

    /** The photo averaged down in blocks so that its longer side is about {@code target} pixels. */
    private record Shrunk(int w, int h, int[] rgb, double scale) {
        static Shrunk of(BufferedImage img, int target) {
            int block = Math.max(1, (int) Math.ceil(Math.max(img.getWidth(), img.getHeight()) / (double) target));
            int w = img.getWidth() / block;
            int h = img.getHeight() / block;
            int[] row = new int[img.getWidth() * block];
            int[] out = new int[w * h];
            for (int by = 0; by < h; by++) {
                img.getRGB(0, by * block, img.getWidth(), block, row, 0, img.getWidth());
                for (int bx = 0; bx < w; bx++) {
                    out[by * w + bx] = average(row, img.getWidth(), bx * block, block);
                }
            }
            return new Shrunk(w, h, out, 1.0 / block);
        }

        private static int average(int[] row, int stride, int x0, int block) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int y = 0; y < block; y++) {
                for (int x = x0; x < x0 + block; x++) {
                    int p = row[y * stride + x];
                    r += (p >> 16) & 0xFF;
                    g += (p >> 8) & 0xFF;
                    b += p & 0xFF;
                }
            }
            int n = block * block;
            return (r / n) << 16 | (g / n) << 8 | (b / n);
        }
    }
}
