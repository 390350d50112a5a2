package org.finassist.ocr.engine;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.Word;

/**
 * The second engine: Tesseract 5 through tess4j with Debian's {@code chi_sim} data. A Tesseract handle is not
 * thread-safe and costs a model load to create, so one handle is shared under a lock; as a cross-check it runs
 * after the primary engine and its latency is the price of the second opinion. Set {@code OMP_THREAD_LIMIT=1}.
 */
public final class TesseractEngine implements OcrEngine {

    private final Tesseract tesseract;

    private TesseractEngine(Path tessdata, String language) {
        tesseract = new Tesseract();
        tesseract.setDatapath(tessdata.toString());
        tesseract.setLanguage(language);
        tesseract.setPageSegMode(ITessAPI.TessPageSegMode.PSM_SPARSE_TEXT);
        tesseract.setVariable("user_defined_dpi", "300");
    }

    /**
     * The engine when the native library and {@code <language>.traineddata} are installed, empty otherwise (the
     * caller then runs on the primary engine alone and says so).
     */
    public static Optional<TesseractEngine> ifAvailable(Path tessdata, String language) {
        if (tessdata == null || !Files.isRegularFile(tessdata.resolve(language + ".traineddata"))) {
            return Optional.empty();
        }
        try {
            TesseractEngine engine = new TesseractEngine(tessdata, language);
            engine.recognize(new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB));
            return Optional.of(engine);
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "tesseract";
    }

    @Override
    public List<TextLine> recognize(BufferedImage image) {
        List<Word> words;
        synchronized (tesseract) {
            words = tesseract.getWords(image, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE);
        }
        return words.stream()
                .filter(w -> !w.getText().isBlank())
                .map(w -> new TextLine(w.getText().strip(), w.getConfidence() / 100.0, w.getBoundingBox().x,
                        w.getBoundingBox().y, w.getBoundingBox().width, w.getBoundingBox().height))
                .toList();
    }
}
