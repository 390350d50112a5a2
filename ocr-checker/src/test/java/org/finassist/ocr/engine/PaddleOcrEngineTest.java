package org.finassist.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardParser;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.finassist.ocr.synth.Degradation;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.SyntheticCard;
import org.finassist.ocr.synth.SyntheticCards;
import org.junit.jupiter.api.Test;

/** Runs the real PP-OCRv4 models on a handful of synthetic cards; the full accuracy run is the benchmark's job. */
class PaddleOcrEngineTest {

    private final QualityInspector inspector = QualityInspector.standard(QualityThresholds.defaults());
    private final IdCardParser parser = new IdCardParser();

    private BufferedImage straightened(SyntheticCard card) {
        return inspector.inspect(card.photo()).view().card();
    }

    @Test
    void readsEveryFrontFieldOfCleanAndMildlyDegradedCards() {
        SyntheticCards cards = Synthetic.cards(101);
        for (Degradation d : new Degradation[]{Degradation.CLEAN, Degradation.JPEG, Degradation.SLIGHT_ROTATION}) {
            SyntheticCard card = cards.next(CardSide.FRONT, d);
            var lines = SharedPaddle.get().recognize(straightened(card));
            assertThat(parser.detectSide(lines)).isEqualTo(CardSide.FRONT);
            var front = parser.parseFront(lines);
            var truth = card.identity();
            assertThat(front.idNumber()).as(d.name()).isEqualTo(truth.idNumber());
            assertThat(front.name()).as(d.name()).isEqualTo(truth.name());
            assertThat(front.gender()).isEqualTo(truth.gender());
            assertThat(front.birthDate()).isEqualTo(truth.birthDate());
            assertThat(front.address()).isEqualTo(truth.address());
            assertThat(lines).allSatisfy(l -> assertThat(l.confidence()).isBetween(0.0, 1.0));
        }
    }

    @Test
    void readsTheBack() {
        SyntheticCard card = Synthetic.cards(202).next(CardSide.BACK, Degradation.CLEAN);
        var lines = SharedPaddle.get().recognize(straightened(card));
        assertThat(parser.detectSide(lines)).isEqualTo(CardSide.BACK);
        var back = parser.parseBack(lines);
        assertThat(back.issuingAuthority()).isEqualTo(card.identity().authority());
        assertThat(back.validity()).isEqualTo(card.identity().validity());
    }

    @Test
    void blankImageYieldsNoText() {
        BufferedImage blank = new BufferedImage(960, 606, BufferedImage.TYPE_INT_RGB);
        assertThat(SharedPaddle.get().recognize(blank)).isEmpty();
    }
}
