package org.finassist.content.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-worked values for the definitions that differ between Western and Chinese software. */
class IndicatorsTest {

    @Test
    void chineseSmaWeightsMOverN() {
        double[] y = Indicators.sma(new double[] {3, 6, 9}, 3, 1);
        // seeded with X0, then Y = (1·X + 2·Y') / 3
        assertThat(y).containsExactly(new double[] {3, 4, 17.0 / 3}, within(1e-12));
        assertThatThrownBy(() -> Indicators.sma(y, 3, 4)).hasMessageContaining("1..N");
    }

    @Test
    void emaUsesTwoOverNPlusOne() {
        double[] y = Indicators.ema(new double[] {10, 13}, 2);
        assertThat(y[1]).isCloseTo(10 + 2.0 / 3 * 3, within(1e-12));
    }

    @Test
    void macdBarIsTwiceDifMinusDea() {
        double[] close = {10, 10.5, 10.2, 10.8, 11.3, 11.1, 11.6};
        Macd macd = Indicators.macd(close, 2, 4, 3);
        for (int i = 0; i < close.length; i++) {
            assertThat(macd.bar()[i]).isCloseTo(2 * (macd.dif()[i] - macd.dea()[i]), within(1e-12));
        }
        assertThat(macd.dif()[0]).isZero();
        assertThat(macd.dif()[6]).isPositive();
    }

    @Test
    void rsiIsHundredWhenOnlyRising() {
        double[] rsi = Indicators.rsi(new double[] {1, 2, 3, 4, 5}, 3);
        assertThat(rsi[0]).isNaN();
        assertThat(rsi[4]).isEqualTo(100.0);
        assertThat(Indicators.rsi(new double[] {5, 5, 5}, 3)[2]).isEqualTo(50.0);
    }

    @Test
    void bollPopulationVersusSample() {
        double[] close = {1, 2, 3, 4};
        Boll pop = Indicators.boll(close, 4, 2, StdDev.POPULATION);
        Boll sample = Indicators.boll(close, 4, 2, StdDev.SAMPLE);
        assertThat(pop.mid()[3]).isEqualTo(2.5);
        assertThat(pop.upper()[3]).isCloseTo(2.5 + 2 * Math.sqrt(1.25), within(1e-12));
        assertThat(sample.upper()[3]).isCloseTo(2.5 + 2 * Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(pop.upper()[2]).isNaN();
    }

    @Test
    void drawdownVolumeRatioAndExtremes() {
        double[] close = {10, 12, 9, 11, 6, 8};
        assertThat(Indicators.maxDrawdown(close, 0, 5)).isCloseTo(50.0, within(1e-12));
        assertThat(Indicators.maxDrawdown(close, 0, 1)).isZero();
        assertThat(Indicators.volumeRatio(new double[] {1, 2, 3, 4, 5, 9}, 5, 5)).isCloseTo(3.0, within(1e-12));
        assertThat(Indicators.volumeRatio(new double[] {1, 2}, 1, 5)).isNaN();
        assertThat(Indicators.hhv(close, 3)).containsExactly(10, 12, 12, 12, 11, 11);
        assertThat(Indicators.llv(close, 2)).containsExactly(10, 10, 9, 9, 6, 6);
    }
}
