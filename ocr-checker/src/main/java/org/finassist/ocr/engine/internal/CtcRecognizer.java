package org.finassist.ocr.engine.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * PP-OCRv4 CRNN recogniser with greedy CTC decoding. Crops are scaled to height {@value #HEIGHT} and padded on the
 * right. Batches of one: card lines differ so much in width (a two-character label beside an 18-digit number) that
 * padding a batch to its widest line cost more CPU than the batching saved (measured: ~1.5 s → ~1.0 s per card).
 */
final class CtcRecognizer {

    static final int HEIGHT = 48;
    private static final int MAX_WIDTH = 1600;
    private static final int BATCH = 1;
    private static final int WIDTH_BUCKET = 64;
    private static final float[] HALF = {0.5f, 0.5f, 0.5f};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<String> alphabet;

    /** @param alphabet index 0 is the CTC blank; the rest are the dictionary followed by a space */
    CtcRecognizer(OrtEnvironment env, OrtSession session, List<String> alphabet) {
        this.env = env;
        this.session = session;
        this.alphabet = alphabet;
    }

    /** The text, the mean probability of its characters and the probability of its least certain one. */
    record Recognised(String text, double confidence, double weakest) {
    }

    List<Recognised> recognize(List<BufferedImage> crops) throws OrtException {
        Integer[] order = new Integer[crops.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ratio(crops.get(a)), ratio(crops.get(b))));
        Recognised[] out = new Recognised[crops.size()];
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            List<BufferedImage> batch = new ArrayList<>();
            for (int k = from; k < to; k++) {
                batch.add(crops.get(order[k]));
            }
            List<Recognised> r = run(batch);
            for (int k = from; k < to; k++) {
                out[order[k]] = r.get(k - from);
            }
        }
        return Arrays.asList(out);
    }

    private static double ratio(BufferedImage img) {
        return img.getWidth() / (double) img.getHeight();
    }

    private List<Recognised> run(List<BufferedImage> batch) throws OrtException {
        double maxRatio = batch.stream().mapToDouble(CtcRecognizer::ratio).max().orElse(1);
        // widths rounded up to a bucket so that tensor shapes repeat: onnxruntime re-plans memory for every new shape
        int width = Math.min(MAX_WIDTH, bucket(Math.max(HEIGHT, (int) Math.ceil(HEIGHT * maxRatio))));
        int n = batch.size();
        float[] data = new float[n * 3 * HEIGHT * width];
        for (int i = 0; i < n; i++) {
            BufferedImage img = batch.get(i);
            int w = Math.min(width, Math.max(1, (int) Math.ceil(HEIGHT * ratio(img))));
            Tensors.write(Tensors.resize(img, w, HEIGHT), data, i, HEIGHT, width, HALF, HALF);
        }
        String input = session.getInputNames().iterator().next();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[]{n, 3, HEIGHT, width});
             OrtSession.Result r = session.run(Map.of(input, t))) {
            OnnxTensor probs = (OnnxTensor) r.get(0);
            long[] shape = probs.getInfo().getShape();
            float[] flat = new float[(int) (shape[0] * shape[1] * shape[2])];
            probs.getFloatBuffer().get(flat);
            List<Recognised> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(decode(flat, i, (int) shape[1], (int) shape[2]));
            }
            return out;
        }
    }

    private static int bucket(int width) {
        return (width + WIDTH_BUCKET - 1) / WIDTH_BUCKET * WIDTH_BUCKET;
    }

    private Recognised decode(float[] flat, int item, int steps, int classes) {
        StringBuilder sb = new StringBuilder();
        double confSum = 0;
        double weakest = 1;
        int kept = 0;
        int prev = -1;
        int base = item * steps * classes;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float bestP = -1;
            int row = base + t * classes;
            for (int c = 0; c < classes; c++) {
                if (flat[row + c] > bestP) {
                    bestP = flat[row + c];
                    best = c;
                }
            }
            if (best != 0 && best != prev && best < alphabet.size()) {
                sb.append(alphabet.get(best));
                confSum += bestP;
                weakest = Math.min(weakest, bestP);
                kept++;
            }
            prev = best;
        }
        return new Recognised(sb.toString(), kept == 0 ? 0 : confSum / kept, kept == 0 ? 0 : weakest);
    }
}
