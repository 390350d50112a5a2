package org.finassist.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.finassist.ocr.check.Agreement;
import org.finassist.ocr.check.IdPhotoChecker;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardParser;
import org.finassist.ocr.idcard.IdCardValidator;
import org.finassist.ocr.intake.ImageIntake;
import org.finassist.ocr.intake.IntakeLimits;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.finassist.ocr.synth.Degradation;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.SyntheticCard;
import org.junit.jupiter.api.Test;

/** Needs Debian's tesseract-ocr and tesseract-ocr-chi-sim (scripts/install-deps.sh); fails in CI if missing. */
class TesseractEngineIT {

    static final Path TESSDATA = Path.of(System.getenv().getOrDefault("TESSDATA_PREFIX",
            "/usr/share/tesseract-ocr/5/tessdata"));

    static TesseractEngine engine() {
        Optional<TesseractEngine> e = TesseractEngine.ifAvailable(TESSDATA, "chi_sim");
        if ("true".equals(System.getenv("CI"))) {
            assertThat(e).as("tesseract + chi_sim must be installed in CI (" + TESSDATA + ")").isPresent();
        }
        assumeTrue(e.isPresent(), "tesseract or chi_sim.traineddata not installed under " + TESSDATA);
        return e.get();
    }

    @Test
    void readsTheIdNumberOfCleanCards() {
        TesseractEngine tesseract = engine();
        var inspector = QualityInspector.standard(QualityThresholds.defaults());
        var cards = Synthetic.cards(303);
        int right = 0;
        for (int i = 0; i < 5; i++) {
            SyntheticCard card = cards.next(CardSide.FRONT, Degradation.CLEAN);
            var lines = tesseract.recognize(inspector.inspect(card.photo()).view().card());
            right += card.identity().idNumber().equals(new IdCardParser().parseFront(lines).idNumber()) ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(4);
    }

    @Test
    void bothEnginesAgreeOnACleanCard() {
        TesseractEngine tesseract = engine();
        Clock clock = Clock.fixed(Synthetic.TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        var checker = new IdPhotoChecker(new ImageIntake(IntakeLimits.defaults()),
                QualityInspector.standard(QualityThresholds.defaults()), SharedPaddle.get(), Optional.of(tesseract),
                new IdCardValidator(clock, 18));
        SyntheticCard card = Synthetic.cards(404).next(CardSide.FRONT, Degradation.CLEAN);
        IdPhotoReport r = checker.check(card.photo(), CardSide.FRONT, Optional.empty());
        assertThat(r.readings()).hasSize(2);
        assertThat(r.agreement()).isEqualTo(Agreement.HIGH);
        assertThat(r.front().idNumber()).isEqualTo(card.identity().idNumber());
    }
}
