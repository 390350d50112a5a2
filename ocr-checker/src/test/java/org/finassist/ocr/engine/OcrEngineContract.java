package org.finassist.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardParser;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.finassist.ocr.synth.Degradation;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.SyntheticCard;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OcrEngine} promises the ID-photo checker: a stable name, the ID number of a clean card read
 * exactly, lines top to bottom with confidences in [0, 1], nothing on a blank image, and the same answer when called
 * from several threads at once. Subclasses give the engine (skipping when it is not installed).
 */
public abstract class OcrEngineContract {

    protected abstract OcrEngine engine();

    private static BufferedImage cleanFront(long seed) {
        SyntheticCard card = Synthetic.cards(seed).next(CardSide.FRONT, Degradation.CLEAN);
        return QualityInspector.standard(QualityThresholds.defaults()).inspect(card.photo()).view().card();
    }

    @Test
    void hasAStableShortName() {
        OcrEngine engine = engine();
        assertThat(engine.name()).matches("[a-z][a-z0-9-]{1,20}").isEqualTo(engine().name());
    }

    @Test
    void readsTheIdNumberOfACleanCardWithLinesTopToBottom() {
        SyntheticCard card = Synthetic.cards(505).next(CardSide.FRONT, Degradation.CLEAN);
        BufferedImage image = QualityInspector.standard(QualityThresholds.defaults()).inspect(card.photo()).view()
                .card();
        List<TextLine> lines = engine().recognize(image);
        assertThat(new IdCardParser().parseFront(lines).idNumber()).isEqualTo(card.identity().idNumber());
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.confidence()).isBetween(0.0, 1.0);
            assertThat(l.text()).isNotBlank();
        });
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).centerY()).as("line %d below line %d", i, i - 1)
                    .isGreaterThanOrEqualTo(lines.get(i - 1).centerY() - 12);
        }
    }

    @Test
    void findsNoTextOnABlankImage() {
        BufferedImage blank = new BufferedImage(960, 606, BufferedImage.TYPE_INT_RGB);
        assertThat(engine().recognize(blank)).isEmpty();
    }

    @Test
    void givesTheSameAnswerFromSeveralThreadsAtOnce() throws Exception {
        OcrEngine engine = engine();
        BufferedImage image = cleanFront(606);
        List<String> alone = engine.recognize(image).stream().map(TextLine::text).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> engine.recognize(image).stream().map(TextLine::text).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
