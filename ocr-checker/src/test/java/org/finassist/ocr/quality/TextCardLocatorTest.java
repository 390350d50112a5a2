package org.finassist.ocr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.idcard.CardSide;
import org.junit.jupiter.api.Test;

class TextCardLocatorTest {

    private final TextCardLocator locator = new TextCardLocator();

    /** The front's rows as the detector reports them for a card at (left, top) px, s px/mm, turned by angle°. */
    private static List<TextLine> front(double left, double top, double s, double angleDeg) {
        Object[][] rows = {{"姓名林晓冬", 6.0, 8.8, 22.0}, {"性别女", 6.0, 16.4, 12.0}, {"民族汉", 27.0, 16.4, 12.0},
                {"出生1990年1月2日", 6.0, 23.9, 36.0}, {"住址北京市东城区长安街", 6.0, 31.4, 44.0},
                {"1号", 16.0, 36.0, 8.0}, {"公民身份号码", 6.0, 46.3, 17.0}, {"110101199001020023", 26.0, 46.2, 38.0}};
        double a = Math.toRadians(angleDeg);
        List<TextLine> out = new ArrayList<>();
        for (Object[] r : rows) {
            double len = (double) r[3] * s;
            double thick = 5 * s;
            double u = left + ((double) r[1]) * s + len / 2;
            double v = top + ((double) r[2]) * s;
            double cx = u * Math.cos(a) - v * Math.sin(a);
            double cy = u * Math.sin(a) + v * Math.cos(a);
            out.add(new TextLine((String) r[0], 0.99, (int) Math.round(cx - len / 2), (int) Math.round(cy - thick / 2),
                    (int) Math.round(len), (int) Math.round(thick), angleDeg));
        }
        return out;
    }

    @Test
    void aCardOnAnyDeskIsPlacedFromItsRows() {
        CardRegion r = locator.locate(front(300, 200, 9, 3), CardSide.FRONT, 1280, 960);
        assertThat(r.source()).isEqualTo(CardRegion.Source.TEXT_LAYOUT);
        assertThat(r.pxPerMm()).isCloseTo(9, within(0.2));
        assertThat(r.angleDeg()).isCloseTo(3, within(0.1));
        assertThat(r.length()).isCloseTo(85.6 * 9, within(20.0));
        assertThat(r.overflowMm()).isZero();
    }

    @Test
    void aCardFillingCropIsNotCutButACornerOutsideIs() {
        double s = 12;
        int w = (int) Math.round(85.6 * s);
        int h = (int) Math.round(54 * s);
        CardRegion filling = locator.locate(front(0, 0, s, 0), CardSide.FRONT, w, h);
        assertThat(filling.overflowMm()).isLessThanOrEqualTo(QualityThresholds.defaults().maxOverflowMm());
        CardRegion trimmed = locator.locate(front(-1.5 * s, -1.5 * s, s, 0), CardSide.FRONT, w - 20, h - 20);
        assertThat(trimmed.overflowMm()).isLessThanOrEqualTo(QualityThresholds.defaults().maxOverflowMm());
        CardRegion cut = locator.locate(front(-15 * s, -10 * s, s, 0), CardSide.FRONT, w, h);
        assertThat(cut.overflowMm()).isGreaterThan(10);
    }

    @Test
    void rowsThatMatchNoLayoutGiveOnlyTheirExtent() {
        List<TextLine> receipt = List.of(new TextLine("购物小票", 0.9, 100, 100, 200, 40),
                new TextLine("合计 12.00", 0.9, 100, 300, 240, 40));
        CardRegion r = locator.locate(receipt, CardSide.UNKNOWN, 1280, 960);
        assertThat(r.source()).isEqualTo(CardRegion.Source.TEXT_CLUSTER);
        assertThat(r.overflowMm()).isNaN();
    }
}
