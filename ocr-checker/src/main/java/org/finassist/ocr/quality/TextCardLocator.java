package org.finassist.ocr.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.idcard.CardSide;

/**
 * Finds the card from the text the detector found in the whole photo, using the card's fixed printed layout: the
 * labels and the number row of the portrait side, the title rows and the two labelled rows of the emblem side sit
 * at known millimetres from the card's corner. Two or more recognised rows give the card's scale, angle and
 * position, hence all four corners, whatever the desk looks like. When the rows cannot be matched to the layout the
 * extent of the text is reported instead ({@link CardRegion.Source#TEXT_CLUSTER}), without corners.
 */
public final class TextCardLocator {

    static final double CARD_W_MM = 85.6;
    static final double CARD_H_MM = 54;
    /** Detector box height over the print's height in mm at 1 px/mm: boxes are grown around the glyphs. */
    private static final double BOX_MM = 5.0;
    private static final double MIN_ANCHOR_SPAN_MM = 6;
    /** Overflow reported when unmatched print runs into the frame's edge: the corners are unknown but not inside. */
    static final double PRINT_AT_EDGE_MM = 99;

    /** A printed row at a known place: its label variants, left edge and centre line in mm from the top left. */
    private record Anchor(List<String> labels, double xMm, double yMm, boolean digits) {
        static Anchor of(double xMm, double yMm, String... labels) {
            return new Anchor(List.of(labels), xMm, yMm, false);
        }
    }

    private static final List<Anchor> FRONT = List.of(
            Anchor.of(6, 8.8, "姓名"),
            Anchor.of(6, 16.4, "性别"),
            Anchor.of(6, 23.9, "出生"),
            Anchor.of(6, 31.4, "住址", "佳址", "往址", "住扯", "住趾"),
            Anchor.of(6, 46.3, "公民", "身份号", "号码"),
            new Anchor(List.of(), 26, 46.2, true));
    private static final List<Anchor> BACK = List.of(
            Anchor.of(28, 12.2, "中华人民", "人民共和", "共和国"),
            Anchor.of(25, 23.5, "居民身份", "身份证"),
            Anchor.of(14, 39.9, "签发", "机关"),
            Anchor.of(14, 46.9, "有效期", "期限"));

    /** Text lines in a frame turned by the text's dominant angle, so that rows are horizontal. */
    private record Row(TextLine line, double u, double v, double u0) {
    }

    /**
     * @param lines  lines read from the whole upright photo
     * @param side   the side those lines were recognised as; {@link CardSide#UNKNOWN} gives at most a text cluster
     * @param width  photo width, pixels
     * @param height photo height, pixels
     */
    public CardRegion locate(List<TextLine> lines, CardSide side, int width, int height) {
        if (lines.isEmpty()) {
            return CardRegion.notFound();
        }
        double angle = dominantAngle(lines);
        List<Row> rows = rotate(lines, angle);
        if (side != CardSide.UNKNOWN) {
            CardRegion fitted = fit(rows, side == CardSide.FRONT ? FRONT : BACK, angle, width, height, 1);
            if (fitted.found()) {
                return fitted;
            }
        } else {
            // too little was read to tell the side (a corner cut off, say): either layout, on two rows at least
            CardRegion front = fit(rows, FRONT, angle, width, height, 2);
            CardRegion back = fit(rows, BACK, angle, width, height, 2);
            if (front.found() || back.found()) {
                return front.found() ? front : back;
            }
        }
        return lines.size() >= 2 ? cluster(rows, angle, width, height) : CardRegion.notFound();
    }

    /** Length-weighted median angle of the lines that are clearly longer than tall. */
    public static double dominantAngle(List<TextLine> lines) {
        List<double[]> a = new ArrayList<>();
        double total = 0;
        for (TextLine l : lines) {
            if (l.width() >= 2.5 * l.height()) {
                a.add(new double[]{l.angleDeg(), l.width()});
                total += l.width();
            }
        }
        if (a.isEmpty()) {
            return 0;
        }
        a.sort((p, q) -> Double.compare(p[0], q[0]));
        double acc = 0;
        for (double[] p : a) {
            acc += p[1];
            if (acc >= total / 2) {
                return p[0];
            }
        }
        return 0;
    }

    private static List<Row> rotate(List<TextLine> lines, double angleDeg) {
        double a = Math.toRadians(angleDeg);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        List<Row> out = new ArrayList<>();
        for (TextLine l : lines) {
            double u = l.centerX() * cos + l.centerY() * sin;
            double v = -l.centerX() * sin + l.centerY() * cos;
            out.add(new Row(l, u, v, u - l.width() / 2.0));
        }
        return out;
    }

    private static CardRegion fit(List<Row> rows, List<Anchor> layout, double angle, int width, int height,
                                  int minAnchors) {
        List<double[]> ys = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        for (Anchor anchor : layout) {
            Row best = null;
            int bestAt = Integer.MAX_VALUE;
            for (Row r : rows) {
                int at = matchAt(anchor, r.line().text());
                if (at >= 0 && at < bestAt) {
                    best = r;
                    bestAt = at;
                }
            }
            if (best != null) {
                ys.add(new double[]{anchor.yMm(), best.v()});
                if (bestAt <= 1) {
                    xs.add(new double[]{anchor.xMm(), best.u0(), best.v()});
                }
            }
        }
        double scale = scale(ys, rows);
        if (!(scale > 0) || ys.size() < minAnchors) {
            return CardRegion.notFound();
        }
        double top = median(ys.stream().mapToDouble(p -> p[1] - scale * p[0]).toArray());
        double left = xs.isEmpty()
                ? rows.stream().mapToDouble(Row::u0).min().orElse(0) - 6 * scale
                : median(xs.stream().mapToDouble(p -> p[1] - scale * p[0]).toArray());
        return region(left, top, scale, angle, width, height, slant(xs, scale));
    }

    /**
     * The lean of the labels' left edges, which the card prints in one column square to the rows, from the two
     * labels of that column furthest apart; NaN with fewer than two.
     */
    private static double slant(List<double[]> xs, double scale) {
        double column = xs.stream().mapToDouble(p -> p[0]).boxed()
                .max(java.util.Comparator.comparingLong(x -> xs.stream().filter(p -> p[0] == x).count()))
                .orElse(Double.NaN);
        double[] top = null;
        double[] bottom = null;
        for (double[] p : xs) {
            if (p[0] != column) {
                continue;
            }
            top = top == null || p[2] < top[2] ? p : top;
            bottom = bottom == null || p[2] > bottom[2] ? p : bottom;
        }
        if (top == null || bottom[2] - top[2] < 10 * scale) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.atan2(bottom[1] - top[1], bottom[2] - top[2]));
    }

    /**
     * Pixels per mm: the median over pairs of anchors far enough apart (robust to one row matched wrongly), or from
     * the height of the text boxes when only one row was recognised.
     */
    private static double scale(List<double[]> ys, List<Row> rows) {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            for (int j = i + 1; j < ys.size(); j++) {
                double dmm = ys.get(j)[0] - ys.get(i)[0];
                if (Math.abs(dmm) >= MIN_ANCHOR_SPAN_MM) {
                    double v = (ys.get(j)[1] - ys.get(i)[1]) / dmm;
                    if (v > 0) {
                        s.add(v);
                    }
                }
            }
        }
        if (!s.isEmpty()) {
            return median(s.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (ys.size() == 1) {
            return median(rows.stream().mapToDouble(r -> r.line().height()).toArray()) / BOX_MM;
        }
        return Double.NaN;
    }

    private static int matchAt(Anchor anchor, String text) {
        String t = text.replaceAll("\\s", "");
        if (anchor.digits()) {
            // the number row when its label was not read with it: 15 or more digits in the line
            return t.replaceAll("[^0-9Xx]", "").length() >= 15 && !t.contains("公民") && !t.contains("号码") ? 0 : -1;
        }
        int best = -1;
        for (String label : anchor.labels()) {
            int at = t.indexOf(label);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    private static CardRegion region(double left, double top, double s, double angle, int width, int height,
                                     double slant) {
        double a = Math.toRadians(angle);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double[][] uv = {{left, top}, {left + CARD_W_MM * s, top}, {left + CARD_W_MM * s, top + CARD_H_MM * s},
                {left, top + CARD_H_MM * s}};
        double overflow = 0;
        for (double[] p : uv) {
            double x = p[0] * cos - p[1] * sin;
            double y = p[0] * sin + p[1] * cos;
            double out = Math.max(Math.max(-x, x - (width - 1)), Math.max(-y, y - (height - 1)));
            overflow = Math.max(overflow, out);
        }
        double cu = left + CARD_W_MM * s / 2;
        double cv = top + CARD_H_MM * s / 2;
        double fill = Math.min(1, CARD_W_MM * CARD_H_MM * s * s / (width * (double) height));
        return new CardRegion(true, cu * cos - cv * sin, cu * sin + cv * cos, CARD_W_MM * s, CARD_H_MM * s, angle,
                fill, 0, CardRegion.Source.TEXT_LAYOUT, s, overflow / s, slant);
    }

    private static CardRegion cluster(List<Row> rows, double angle, int width, int height) {
        double u0 = Double.MAX_VALUE;
        double u1 = -Double.MAX_VALUE;
        double v0 = Double.MAX_VALUE;
        double v1 = -Double.MAX_VALUE;
        for (Row r : rows) {
            u0 = Math.min(u0, r.u0());
            u1 = Math.max(u1, r.u0() + r.line().width());
            v0 = Math.min(v0, r.v() - r.line().height() / 2.0);
            v1 = Math.max(v1, r.v() + r.line().height() / 2.0);
        }
        double s = median(rows.stream().mapToDouble(r -> r.line().height()).toArray()) / BOX_MM;
        double overflow = rows.stream().anyMatch(r -> atEdge(r.line(), width, height)) ? PRINT_AT_EDGE_MM
                : Double.NaN;
        double grow = 0.08 * (u1 - u0);
        u0 -= grow;
        u1 += grow;
        v0 -= grow;
        v1 += grow;
        double a = Math.toRadians(angle);
        double cu = (u0 + u1) / 2;
        double cv = (v0 + v1) / 2;
        double fill = Math.min(1, (u1 - u0) * (v1 - v0) / (width * (double) height));
        return new CardRegion(true, cu * Math.cos(a) - cv * Math.sin(a), cu * Math.sin(a) + cv * Math.cos(a),
                u1 - u0, v1 - v0, angle, fill, 0, CardRegion.Source.TEXT_CLUSTER, s, overflow, Double.NaN);
    }

    /** A text box running into the frame's edge: print cut off there. */
    private static boolean atEdge(TextLine l, int width, int height) {
        double a = Math.toRadians(l.angleDeg());
        double hw = (Math.abs(Math.cos(a)) * l.width() + Math.abs(Math.sin(a)) * l.height()) / 2;
        double hh = (Math.abs(Math.sin(a)) * l.width() + Math.abs(Math.cos(a)) * l.height()) / 2;
        double margin = 2;
        return l.centerX() - hw <= margin || l.centerY() - hh <= margin || l.centerX() + hw >= width - 1 - margin
                || l.centerY() + hh >= height - 1 - margin;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
