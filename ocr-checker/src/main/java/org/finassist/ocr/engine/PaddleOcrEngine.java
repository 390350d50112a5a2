package org.finassist.ocr.engine;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.util.List;
import org.finassist.ocr.engine.internal.PaddleModels;

/**
 * The primary engine: PaddleOCR PP-OCRv4 det + rec on onnxruntime, models from the classpath. Loading takes about a
 * second and ~60 MB; create one instance per application and share it (onnxruntime sessions are thread-safe).
 */
public final class PaddleOcrEngine implements OcrEngine, AutoCloseable {

    private final PaddleModels models;

    private PaddleOcrEngine(PaddleModels models) {
        this.models = models;
    }

    /**
     * @param threads    onnxruntime intra-op threads per call
     * @param detMaxSide longer side the detector sees, pixels (multiples of 32; 960 suits a card filling half a photo)
     */
    public static PaddleOcrEngine load(int threads, int detMaxSide) {
        return new PaddleOcrEngine(new PaddleModels(threads, detMaxSide));
    }

    @Override
    public String name() {
        return "paddle";
    }

    @Override
    public List<TextLine> recognize(BufferedImage image) {
        try {
            return models.run(image).stream()
                    .map(l -> new TextLine(l.text(), l.confidence(), l.x(), l.y(), l.width(), l.height(), l.angleDeg(),
                            l.weakest()))
                    .toList();
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCRv4 inference failed", e);
        }
    }

    @Override
    public void close() throws OrtException {
        models.close();
    }
}
