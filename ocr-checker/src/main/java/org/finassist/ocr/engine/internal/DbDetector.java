package org.finassist.ocr.engine.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PP-OCRv4 DB text detector. Regions are the connected components of the thresholded probability map, measured as
 * rectangles along their principal axis (short components along the image's dominant line direction instead), so
 * that the rows of a card lying at an angle in a whole photo are cut out one by one, and grown by the DB "unclip"
 * distance (area × ratio / perimeter).
 */
final class DbDetector {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    private static final float THRESHOLD = 0.3f;
    private static final double BOX_THRESHOLD = 0.5;
    private static final double UNCLIP_RATIO = 1.6;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final int maxSide;

    DbDetector(OrtEnvironment env, OrtSession session, int maxSide) {
        this.env = env;
        this.session = session;
        this.maxSide = maxSide;
    }

    List<TextBox> detect(BufferedImage img) throws OrtException {
        double scale = Math.min(1.0, maxSide / (double) Math.max(img.getWidth(), img.getHeight()));
        int w = Math.max(32, (int) Math.round(img.getWidth() * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(img.getHeight() * scale / 32) * 32);
        float[] data = new float[3 * w * h];
        Tensors.write(Tensors.resize(img, w, h), data, 0, h, w, MEAN, STD);
        String input = session.getInputNames().iterator().next();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[]{1, 3, h, w});
             OrtSession.Result r = session.run(Map.of(input, t))) {
            float[] prob = new float[w * h];
            ((OnnxTensor) r.get(0)).getFloatBuffer().get(prob);
            return boxes(prob, w, h, img.getWidth() / (double) w, img.getHeight() / (double) h);
        }
    }

    private static List<TextBox> boxes(float[] prob, int w, int h, double sx, double sy) {
        int[] label = new int[w * h];
        int[] queue = new int[w * h];
        List<int[]> components = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < prob.length; start++) {
            if (prob[start] < THRESHOLD || label[start] != 0) {
                continue;
            }
            next++;
            int n = flood(prob, label, queue, start, next, w, h);
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += prob[queue[k]];
            }
            if (n >= 9 && sum / n >= BOX_THRESHOLD) {
                components.add(java.util.Arrays.copyOf(queue, n));
                scores.add(sum / n);
            }
        }
        List<Shape> shapes = new ArrayList<>();
        for (int[] c : components) {
            shapes.add(Shape.of(c, w, Shape.principalAngle(c, w)));
        }
        double dominant = dominantAngle(shapes);
        List<TextBox> out = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Shape s = shapes.get(i);
            if (s.length < ELONGATED * s.thickness) {
                // a lone character or a short word has no reliable direction of its own: read it along the line
                // direction of the image's longer rows
                s = Shape.of(components.get(i), w, dominant);
            }
            if (Math.min(s.length, s.thickness) < 3) {
                continue;
            }
            out.add(s.toBox(sx, sy, scores.get(i)));
        }
        return out;
    }

    private static final double ELONGATED = 2.5;

    /** The length-weighted median angle of the elongated components, 0 when there are none. */
    private static double dominantAngle(List<Shape> shapes) {
        List<double[]> weighted = new ArrayList<>();
        double total = 0;
        for (Shape s : shapes) {
            if (s.length >= ELONGATED * s.thickness && s.thickness >= 3) {
                weighted.add(new double[]{s.angle, s.length});
                total += s.length;
            }
        }
        if (weighted.isEmpty()) {
            return 0;
        }
        weighted.sort((a, b) -> Double.compare(a[0], b[0]));
        double acc = 0;
        for (double[] a : weighted) {
            acc += a[1];
            if (acc >= total / 2) {
                return a[0];
            }
        }
        return 0;
    }

    /** Fills one 8-connected component into {@code queue[0..n)} and returns n. */
    private static int flood(float[] prob, int[] label, int[] queue, int start, int id, int w, int h) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        label[start] = id;
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    int j = ny * w + nx;
                    if (prob[j] >= THRESHOLD && label[j] == 0) {
                        label[j] = id;
                        queue[tail++] = j;
                    }
                }
            }
        }
        return tail;
    }

    /** A component's extent along a direction (radians) and across it, in map pixels. */
    private record Shape(double cx, double cy, double length, double thickness, double angle) {

        static double principalAngle(int[] pixels, int w) {
            double mx = 0;
            double my = 0;
            for (int i : pixels) {
                mx += i % w;
                my += i / w;
            }
            mx /= pixels.length;
            my /= pixels.length;
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int i : pixels) {
                double dx = i % w - mx;
                double dy = i / w - my;
                xx += dx * dx;
                yy += dy * dy;
                xy += dx * dy;
            }
            return 0.5 * Math.atan2(2 * xy, xx - yy);
        }

        static Shape of(int[] pixels, int w, double angle) {
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double u0 = Double.MAX_VALUE;
            double u1 = -Double.MAX_VALUE;
            double v0 = Double.MAX_VALUE;
            double v1 = -Double.MAX_VALUE;
            for (int i : pixels) {
                double x = i % w + 0.5;
                double y = i / w + 0.5;
                double u = x * cos + y * sin;
                double v = -x * sin + y * cos;
                u0 = Math.min(u0, u);
                u1 = Math.max(u1, u);
                v0 = Math.min(v0, v);
                v1 = Math.max(v1, v);
            }
            double mu = (u0 + u1) / 2;
            double mv = (v0 + v1) / 2;
            return new Shape(mu * cos - mv * sin, mu * sin + mv * cos, u1 - u0 + 1, v1 - v0 + 1, angle);
        }

        /** Grown by the DB "unclip" distance and scaled to input pixels. */
        TextBox toBox(double sx, double sy, double score) {
            double d = length * thickness * UNCLIP_RATIO / (2.0 * (length + thickness));
            double len = length + 2 * d;
            double thick = thickness + 2 * d;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            // the map is scaled slightly differently along x and y (sides rounded to multiples of 32)
            double lenPx = len * Math.hypot(cos * sx, sin * sy);
            double thickPx = thick * Math.hypot(sin * sx, cos * sy);
            double a = Math.atan2(sin * sy, cos * sx);
            return new TextBox(cx * sx, cy * sy, lenPx, thickPx, Math.toDegrees(a), score);
        }
    }
}
