package org.finassist.ocr.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.synth.Degradation;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.SyntheticCards;
import org.junit.jupiter.api.Test;

class QualityInspectorTest {

    private static final int PER_KIND = 2;
    private final QualityInspector inspector = QualityInspector.standard(QualityThresholds.defaults());

    /** Which check must catch each deliberately bad photo. */
    private static final Map<Degradation, Set<String>> CAUGHT_BY = new EnumMap<>(Map.of(
            Degradation.BLUR, Set.of("blur"),
            Degradation.MOTION_BLUR, Set.of("motionBlur"),
            Degradation.DARK, Set.of("brightness"),
            Degradation.OVEREXPOSED, Set.of("brightness", "glare"),
            Degradation.GLARE, Set.of("glare"),
            Degradation.TILT, Set.of("tilt"),
            Degradation.CUT_OFF, Set.of("cutOff"),
            Degradation.SMALL, Set.of("fill", "resolution")));

    @Test
    void goodPhotosPassAndEachBadOneFailsTheRightCheck() {
        SyntheticCards cards = Synthetic.cards(7);
        for (Degradation d : Degradation.values()) {
            for (int i = 0; i < PER_KIND; i++) {
                var card = cards.next(i % 2 == 0 ? CardSide.FRONT : CardSide.BACK, d);
                var inspection = inspector.inspect(card.photo());
                List<String> failed = inspection.results().stream().filter(QualityResult::failed)
                        .map(QualityResult::check).toList();
                if (d.bad()) {
                    assertThat(failed).as("%s #%d", d, i).containsAnyElementsOf(CAUGHT_BY.get(d));
                } else {
                    assertThat(failed).as("%s #%d", d, i).isEmpty();
                }
            }
        }
    }

    @Test
    void locatesTheCardAndMeasuresItsTilt() {
        var card = Synthetic.cards(3).next(CardSide.FRONT, Degradation.TILT);
        var region = inspector.inspect(card.photo()).view().region();
        assertThat(region.found()).isTrue();
        assertThat(Math.abs(region.angleDeg())).isBetween(12.0, 32.0);
        assertThat(region.aspect()).isCloseTo(1.585, org.assertj.core.data.Offset.offset(0.08));
    }

    @Test
    void plainImageHasNoCardAndOtherChecksAreSkippedNotPassed() {
        var blank = new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var black = inspector.inspect(blank);
        // nothing found in a black frame: the light is the first thing to fix
        assertThat(black.results()).filteredOn(QualityResult::failed).extracting(QualityResult::check)
                .containsExactly("brightness");
        var g = blank.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, 800, 600);
        g.dispose();
        var inspection = inspector.inspect(blank);
        assertThat(inspection.passed()).isFalse();
        assertThat(inspection.results()).filteredOn(r -> r.check().equals("card"))
                .singleElement().satisfies(r -> assertThat(r.guidance()).contains("未检测到"));
        assertThat(inspection.results()).filteredOn(r -> !r.check().equals("card"))
                .allMatch(r -> r.status() == QualityResult.Status.SKIPPED);
    }

    @Test
    void thresholdsComeFromConfiguration() {
        var card = Synthetic.cards(11).next(CardSide.FRONT, Degradation.CLEAN);
        var strict = new QualityThresholds(1e9, 70, 235, 0.01, 0.2, 8, 0.04, 600, 0.15);
        var results = QualityInspector.standard(strict).inspect(card.photo()).results();
        assertThat(results).filteredOn(QualityResult::failed).extracting(QualityResult::check).containsExactly("blur");
        assertThat(results).filteredOn(r -> r.check().equals("blur")).singleElement()
                .satisfies(r -> assertThat(r.threshold()).isEqualTo(1e9));
    }
}
