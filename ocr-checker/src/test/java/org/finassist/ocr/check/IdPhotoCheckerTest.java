package org.finassist.ocr.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.SharedPaddle;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.Finding;
import org.finassist.ocr.idcard.IdCardValidator;
import org.finassist.ocr.intake.ImageIntake;
import org.finassist.ocr.intake.IntakeError;
import org.finassist.ocr.intake.IntakeException;
import org.finassist.ocr.intake.IntakeLimits;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.finassist.ocr.synth.Degradation;
import org.finassist.ocr.synth.PhotoSimulator;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.SyntheticCard;
import org.junit.jupiter.api.Test;

class IdPhotoCheckerTest {

    private static final String ID = "11010519491231002X";

    private static IdPhotoChecker checker(OcrEngine primary, Optional<OcrEngine> secondary) {
        Clock clock = Clock.fixed(Synthetic.TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        return new IdPhotoChecker(new ImageIntake(IntakeLimits.defaults()),
                QualityInspector.standard(QualityThresholds.defaults()), primary, secondary,
                new IdCardValidator(clock, 18));
    }

    private static byte[] jpeg(SyntheticCard card) {
        return PhotoSimulator.encodeJpeg(card.photo(), 0.9f);
    }

    @Test
    void cleanFrontIsAcceptedWithItsFields() throws IntakeException {
        SyntheticCard card = Synthetic.cards(5).next(CardSide.FRONT, Degradation.CLEAN);
        IdPhotoReport r = checker(SharedPaddle.get(), Optional.empty()).check(jpeg(card), CardSide.FRONT, Optional.empty());
        assertThat(r.side()).isEqualTo(CardSide.FRONT);
        assertThat(r.guidance()).isEmpty();
        assertThat(r.accepted()).isTrue();
        assertThat(r.front().idNumber()).isEqualTo(card.identity().idNumber());
        assertThat(r.front().name()).isEqualTo(card.identity().name());
        assertThat(r.agreement()).isEqualTo(Agreement.MEDIUM);
        assertThat(r.readings()).extracting(EngineReading::engine).containsExactly("paddle");
    }

    @Test
    void wrongSideAndBadPhotosGetChineseRetakeGuidance() throws IntakeException {
        var cards = Synthetic.cards(6);
        IdPhotoChecker checker = checker(SharedPaddle.get(), Optional.empty());
        IdPhotoReport back = checker.check(jpeg(cards.next(CardSide.BACK, Degradation.CLEAN)), CardSide.FRONT,
                Optional.empty());
        assertThat(back.side()).isEqualTo(CardSide.BACK);
        assertThat(back.findings()).extracting(Finding::code).contains("WRONG_SIDE");
        assertThat(back.guidance()).anySatisfy(g -> assertThat(g).contains("人像面"));
        IdPhotoReport glare = checker.check(jpeg(cards.next(CardSide.FRONT, Degradation.GLARE)), CardSide.FRONT,
                Optional.empty());
        assertThat(glare.accepted()).isFalse();
        assertThat(glare.guidance().getFirst()).contains("反光");
    }

    @Test
    void upsideDownCardIsTurnedAndRead() {
        SyntheticCard card = Synthetic.cards(8).next(CardSide.FRONT, Degradation.CLEAN);
        var turned = new java.awt.image.BufferedImage(card.photo().getWidth(), card.photo().getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = turned.createGraphics();
        g.rotate(Math.PI, turned.getWidth() / 2.0, turned.getHeight() / 2.0);
        g.drawImage(card.photo(), 0, 0, null);
        g.dispose();
        IdPhotoReport r = checker(SharedPaddle.get(), Optional.empty()).check(turned, CardSide.FRONT, Optional.empty());
        assertThat(r.side()).isEqualTo(CardSide.FRONT);
        assertThat(r.front().idNumber()).isEqualTo(card.identity().idNumber());
    }

    @Test
    void enginesAgreeingOnAValidNumberIsHighConfidence() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        IdPhotoReport r = checker(FakeEngine.front("a", "王芳", ID), Optional.of(FakeEngine.front("b", "王芳", ID)))
                .check(photo, CardSide.FRONT, Optional.empty());
        assertThat(r.agreement()).isEqualTo(Agreement.HIGH);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void disagreementIsReportedNotHidden() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        IdPhotoReport r = checker(FakeEngine.front("a", "王芳", ID),
                Optional.of(FakeEngine.front("b", "王芳", "440524188001010014")))
                .check(photo, CardSide.FRONT, Optional.empty());
        assertThat(r.agreement()).isEqualTo(Agreement.DISAGREED);
        assertThat(r.findings()).extracting(Finding::code).contains("ID_ENGINES_DISAGREE");
        assertThat(r.front().idNumber()).isEqualTo(ID);
        assertThat(r.readings()).extracting(x -> x.front().idNumber()).containsExactly(ID, "440524188001010014");
    }

    @Test
    void secondEngineFillsAnUnreadableNumberAtMediumConfidence() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        IdPhotoReport r = checker(FakeEngine.front("a", "王芳", "11010519491231"),
                Optional.of(FakeEngine.front("b", "王芳", ID))).check(photo, CardSide.FRONT, Optional.empty());
        assertThat(r.agreement()).isEqualTo(Agreement.MEDIUM);
        assertThat(r.front().idNumber()).isEqualTo(ID);
    }

    @Test
    void aNameReadUnsurelyIsNotTrustedWhenTheSecondReadingDisagrees() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        // weakest character 0.92: enough for one reading under the old 0.90 rule, now it needs a second that agrees
        ScriptedEngine engine = new ScriptedEngine(List.of(ScriptedEngine.front("王丹", ID, 0.92),
                ScriptedEngine.front("王彤", ID, 0.92)));
        IdPhotoReport r = checker(engine, Optional.empty()).check(photo, CardSide.FRONT, Optional.empty());
        assertThat(r.findings()).extracting(Finding::code).contains("NAME_UNCERTAIN");
        assertThat(r.accepted()).isFalse();
        assertThat(engine.calls.get()).isEqualTo(2);
    }

    @Test
    void aNameReadSurelyNeedsNoSecondReading() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        ScriptedEngine engine = new ScriptedEngine(List.of(ScriptedEngine.front("王芳", ID, 0.97)));
        IdPhotoReport r = checker(engine, Optional.empty()).check(photo, CardSide.FRONT, Optional.empty());
        assertThat(r.findings()).extracting(Finding::code).doesNotContain("NAME_UNCERTAIN");
        assertThat(engine.calls.get()).isEqualTo(1);
    }

    @Test
    void aConfidentlyReadPictureWithoutAnyIdLabelIsNotTurnedAndReadAtMostTwice() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        List<TextLine> receipt = List.of(new TextLine("欢迎光临华联超市", 0.98, 300, 200, 400, 40),
                new TextLine("合计金额128.50元", 0.97, 300, 260, 380, 40),
                new TextLine("收银员003号", 0.99, 300, 320, 300, 40),
                new TextLine("谢谢惠顾欢迎再来", 0.96, 300, 380, 400, 40));
        ScriptedEngine engine = new ScriptedEngine(List.of(receipt));
        IdPhotoReport r = checker(engine, Optional.empty()).check(photo, CardSide.UNKNOWN, Optional.empty());
        assertThat(r.accepted()).isFalse();
        assertThat(r.side()).isEqualTo(CardSide.UNKNOWN);
        // before the cap: frame, turned frame, card crop, turned crop
        assertThat(engine.calls.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void anEmptyFrameReadingIsTurnedOnce() {
        var photo = Synthetic.cards(9).next(CardSide.FRONT, Degradation.CLEAN).photo();
        ScriptedEngine engine = new ScriptedEngine(List.of(List.of(), ScriptedEngine.front("王芳", ID, 0.97)));
        IdPhotoReport r = checker(engine, Optional.empty()).check(photo, CardSide.FRONT, Optional.empty());
        assertThat(r.side()).isEqualTo(CardSide.FRONT);
        assertThat(r.front().name()).isEqualTo("王芳");
    }

    @Test
    void intakeErrorsPropagateBeforeAnyOcr() {
        assertThatThrownBy(() -> checker(FakeEngine.front("a", "x", ID), Optional.empty())
                .check("not an image".getBytes(), CardSide.FRONT, Optional.empty()))
                .isInstanceOfSatisfying(IntakeException.class,
                        e -> assertThat(e.error()).isEqualTo(IntakeError.UNSUPPORTED_FORMAT));
    }
}
