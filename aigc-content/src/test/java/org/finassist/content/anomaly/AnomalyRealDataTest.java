package org.finassist.content.anomaly;

import org.finassist.content.TestData;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.HqChartMarketDataSource;
import org.finassist.content.market.MinuteBar;
import org.finassist.content.market.PriceLimitRules;
import org.finassist.content.market.Symbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every daily detector over the full history of the real stocks in ../shared/data/market, checked day by day
 * against the definitions recomputed here independently: each flag meets its definition and no qualifying day is
 * missed. Skips when the data is absent.
 */
class AnomalyRealDataTest {

    private static final List<String> STOCKS = List.of("600000.SH", "000001.SZ", "000151.SZ");
    private static final LocalDate LIMITS_FROM = LocalDate.of(1996, 12, 16);
    private static HqChartMarketDataSource market;

    @BeforeAll
    static void load() {
        market = new HqChartMarketDataSource(TestData.marketDirOrSkip());
    }

    @Test
    void everyFlagMeetsItsDefinitionAndNoQualifyingDayIsMissed() {
        Map<AnomalyKind, Integer> found = new EnumMap<>(AnomalyKind.class);
        for (String code : STOCKS) {
            BarSeries s = market.dailyBars(Symbol.parse(code));
            BigDecimal ratio = new BigDecimal(s.security().st() ? "0.05" : "0.10");
            for (int i = 1; i < s.size(); i++) {
                List<Anomaly> flags = detectors(s, i);
                Set<AnomalyKind> kinds = flags.stream().map(Anomaly::kind).collect(Collectors.toSet());
                kinds.forEach(k -> found.merge(k, 1, Integer::sum));
                String where = code + " " + s.date(i);
                Optional<BigDecimal[]> limits = limitPrices(s, i, ratio);
                boolean atUp = limits.isPresent() && cents(s.close()[i]).compareTo(limits.get()[0]) == 0;
                boolean atDown = limits.isPresent() && cents(s.close()[i]).compareTo(limits.get()[1]) == 0;
                boolean touchedUp = limits.isPresent() && cents(s.high()[i]).compareTo(limits.get()[0]) == 0;
                assertThat(kinds.contains(AnomalyKind.LIMIT_UP)).as("limit-up " + where).isEqualTo(atUp);
                assertThat(kinds.contains(AnomalyKind.LIMIT_DOWN)).as("limit-down " + where).isEqualTo(atDown);
                assertThat(kinds.contains(AnomalyKind.OPENED_LIMIT_UP)).as("opened limit " + where)
                        .isEqualTo(touchedUp && !atUp && !atDown);
                assertThat(kinds.contains(AnomalyKind.GAP_UP)).as("gap up " + where).isEqualTo(s.low()[i] > s.high()[i - 1]);
                assertThat(kinds.contains(AnomalyKind.GAP_DOWN)).as("gap down " + where).isEqualTo(s.high()[i] < s.low()[i - 1]);
                assertThat(kinds.contains(AnomalyKind.VOLUME_SURGE)).as("volume surge " + where).isEqualTo(surge(s, i));
                assertThat(kinds.contains(AnomalyKind.BREAKOUT_HIGH)).as("breakout " + where).isEqualTo(breakout(s, i));
                for (Anomaly a : flags) {
                    checkFacts(a, s, i, limits);
                }
            }
        }
        // the data holds real limit days and surges; a detector that never fires would pass the loop above
        assertThat(found).containsKeys(AnomalyKind.LIMIT_UP, AnomalyKind.LIMIT_DOWN, AnomalyKind.OPENED_LIMIT_UP,
                AnomalyKind.VOLUME_SURGE, AnomalyKind.GAP_UP, AnomalyKind.BREAKOUT_HIGH, AnomalyKind.BREAKDOWN_LOW);
    }

    private static void checkFacts(Anomaly a, BarSeries s, int i, Optional<BigDecimal[]> limits) {
        switch (a.kind()) {
            case LIMIT_UP -> {
                assertThat(a.get("limitUp").value()).isEqualByComparingTo(limits.orElseThrow()[0]);
                assertThat(a.get("close").value()).isEqualByComparingTo(limits.get()[0]);
                // a real limit-up is a move of about the ratio (rounding of the limit price moves it a little)
                assertThat(s.close()[i] / s.preClose(i) - 1).isBetween(0.085, 0.115);
            }
            case LIMIT_DOWN -> assertThat(a.get("close").value()).isEqualByComparingTo(limits.orElseThrow()[1]);
            case VOLUME_SURGE -> {
                assertThat(s.volume()[i] / mean(s.volume(), i - 5, i)).isGreaterThanOrEqualTo(2.0);
                assertThat(a.get("volumeRatio").value().doubleValue()).isGreaterThanOrEqualTo(2.0);
            }
            default -> {
            }
        }
        assertThat(a.date()).isEqualTo(s.date(i));
        a.facts().forEach(f -> assertThat(f.display()).isNotBlank());
    }

    @Test
    void fastMovesOnRealMinuteBarsMatchTheirDefinition() {
        int flagged = 0;
        for (String code : STOCKS) {
            Symbol symbol = Symbol.parse(code);
            BarSeries s = market.dailyBars(symbol);
            for (LocalDate date : List.of(LocalDate.of(2024, 9, 18), LocalDate.of(2024, 9, 20))) {
                List<MinuteBar> minutes = market.minuteBars(symbol, date);
                if (minutes.isEmpty()) {
                    continue;
                }
                double best = 0;
                for (int j = 5; j < minutes.size(); j++) {
                    best = Math.max(best, Math.abs(minutes.get(j).close() / minutes.get(j - 5).close() - 1) * 100);
                }
                // real large caps rarely move 3% in 5 minutes: check at thresholds around the day's own extreme
                for (double threshold : new double[] {best * 0.99, best * 1.01, 3.0}) {
                    StockDay day = new StockDay(s, s.size() - 1, Optional.empty(), minutes);
                    List<Anomaly> moves = new FastMoveDetector(5, threshold).detect(day);
                    assertThat(!moves.isEmpty()).as(code + " " + date + " at " + threshold).isEqualTo(best >= threshold);
                    for (Anomaly m : moves) {
                        double pct = m.get("fastChange").value().doubleValue();
                        assertThat(Math.abs(pct)).isGreaterThanOrEqualTo(threshold - 0.005);
                        assertThat(m.time()).isNotNull();
                        flagged++;
                    }
                }
            }
        }
        assertThat(flagged).isPositive();
    }

    @Test
    void scannerFindsTheRealDataDayAndItsIndices() {
        LocalDate day = market.latestTradingDate();
        MarketScan scan = new AnomalyScanner(market, AnomalyRules.DEFAULT)
                .scan(STOCKS.stream().map(Symbol::parse).toList(), day);
        assertThat(scan.breadth().traded()).isEqualTo(3);
        assertThat(scan.breadth().advancers() + scan.breadth().decliners() + scan.breadth().unchanged()).isEqualTo(3);
        assertThat(scan.indices()).extracting(q -> q.index().symbol().toString()).contains("000001.SH", "000300.SH");
        for (IndexQuote q : scan.indices()) {
            BarSeries s = market.dailyBars(q.index().symbol());
            int i = s.size() - 1;
            assertThat(q.get("change1d").value().doubleValue())
                    .isCloseTo((s.close()[i] / s.preClose(i) - 1) * 100, org.assertj.core.data.Offset.offset(0.006));
        }
    }

    private static List<Anomaly> detectors(BarSeries s, int i) {
        var limit = PriceLimitRules.DEFAULT.limit(s.security(), s.date(i), PriceLimitRules.dayOfListing(s, i), s.preClose(i));
        StockDay day = new StockDay(s, i, limit, List.of());
        return java.util.stream.Stream.of(new LimitDetector(), new GapDetector(0), new VolumeSurgeDetector(2.0, 5),
                new BreakoutDetector(20)).flatMap(d -> d.detect(day).stream()).toList();
    }

    private static Optional<BigDecimal[]> limitPrices(BarSeries s, int i, BigDecimal ratio) {
        if (s.date(i).isBefore(LIMITS_FROM)) {
            return Optional.empty();
        }
        BigDecimal prev = cents(s.preClose(i));
        return Optional.of(new BigDecimal[] {
                prev.multiply(BigDecimal.ONE.add(ratio)).setScale(2, RoundingMode.HALF_UP),
                prev.multiply(BigDecimal.ONE.subtract(ratio)).setScale(2, RoundingMode.HALF_UP)});
    }

    private static boolean surge(BarSeries s, int i) {
        return i >= 5 && mean(s.volume(), i - 5, i) > 0 && s.volume()[i] >= 2 * mean(s.volume(), i - 5, i);
    }

    private static boolean breakout(BarSeries s, int i) {
        if (i < 20) {
            return false;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = i - 20; k < i; k++) {
            max = Math.max(max, s.high()[k]);
        }
        return s.close()[i] > max;
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += v[k];
        }
        return sum / (to - from);
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }
}
