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
 * PP-OCRv4 DB text detector. The image is expected upright (the card is straightened before OCR), so regions are
 * taken as axis-aligned boxes of the connected components of the thresholded probability map, grown by the DB
 * "unclip" distance (area × ratio / perimeter).
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
        List<TextBox> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < prob.length; start++) {
            if (prob[start] < THRESHOLD || label[start] != 0) {
                continue;
            }
            next++;
            Component c = flood(prob, label, queue, start, next, w, h);
            TextBox box = c.toBox(sx, sy, w, h);
            if (box != null) {
                out.add(box);
            }
        }
        return out;
    }

    private static Component flood(float[] prob, int[] label, int[] queue, int start, int id, int w, int h) {
        Component c = new Component();
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        label[start] = id;
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            c.add(x, y, prob[i]);
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
        return c;
    }

    /** Running bounds and score of one connected component of the probability map. */
    private static final class Component {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        double sum;
        int n;

        void add(int x, int y, float p) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            sum += p;
            n++;
        }

        TextBox toBox(double sx, double sy, int w, int h) {
            int bw = maxX - minX + 1;
            int bh = maxY - minY + 1;
            double score = sum / n;
            if (Math.min(bw, bh) < 3 || score < BOX_THRESHOLD) {
                return null;
            }
            double d = bw * (double) bh * UNCLIP_RATIO / (2.0 * (bw + bh));
            double x0 = Math.max(0, minX - d);
            double y0 = Math.max(0, minY - d);
            double x1 = Math.min(w, maxX + 1 + d);
            double y1 = Math.min(h, maxY + 1 + d);
            return new TextBox((int) Math.floor(x0 * sx), (int) Math.floor(y0 * sy),
                    (int) Math.ceil((x1 - x0) * sx), (int) Math.ceil((y1 - y0) * sy), score);
        }
    }
}
