package org.finassist.content.anomaly;

import org.finassist.content.market.Bar;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MinuteBar;
import org.finassist.content.market.PriceLimitRules;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each detector on hand-made bars, and a whole scan over the seeded synthetic market. */
class AnomalyDetectorsTest {

    private static final LocalDate D0 = LocalDate.of(2024, 8, 1);

    @Test
    void limitUpOnTheMainBoardIsTheRoundedTenPercentPrice() {
        // 9.87 × 1.1 = 10.857 → 10.86
        StockDay day = day("600001.SH", "测试银行", bars(new double[] {9.87, 10.86}, null));
        List<Anomaly> a = new LimitDetector().detect(day);
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(AnomalyKind.LIMIT_UP);
            assertThat(x.get("limitUp").display()).isEqualTo("10.86元");
            assertThat(x.get("change1d").display()).isEqualTo("10.03%");
        });
        StockDay notQuite = day("600001.SH", "测试银行", bars(new double[] {9.87, 10.85}, null));
        assertThat(new LimitDetector().detect(notQuite)).isEmpty();
    }

    @Test
    void stAndChinextUseTheirOwnRatios() {
        assertThat(new LimitDetector().detect(day("600002.SH", "*ST测试", bars(new double[] {4.00, 4.20}, null))))
                .extracting(Anomaly::kind).containsExactly(AnomalyKind.LIMIT_UP);
        assertThat(new LimitDetector().detect(day("300001.SZ", "创业测试", bars(new double[] {10.00, 11.00}, null))))
                .isEmpty();
        assertThat(new LimitDetector().detect(day("300001.SZ", "创业测试", bars(new double[] {10.00, 8.00}, null))))
                .extracting(Anomaly::kind).containsExactly(AnomalyKind.LIMIT_DOWN);
    }

    @Test
    void openedLimitTouchedTheLimitAndClosedBelow() {
        List<Bar> b = bars(new double[] {10.00, 10.52}, null);
        b.set(1, new Bar(b.get(1).date(), 10.00, 10.10, 11.00, 10.05, 10.52, 1000, 10000));
        List<Anomaly> a = new LimitDetector().detect(day("600001.SH", "测试银行", b));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(AnomalyKind.OPENED_LIMIT_UP);
            assertThat(x.get("fromLimit").display()).isEqualTo("-4.36%");
        });
    }

    @Test
    void volumeSurgeNeedsTwiceTheAverageOfThePreviousDays() {
        double[] close = {10, 10, 10, 10, 10, 10, 10};
        double[] volume = {100, 100, 100, 100, 100, 100, 199};
        assertThat(new VolumeSurgeDetector(2.0, 5).detect(day("600001.SH", "测试", bars(close, volume)))).isEmpty();
        volume[6] = 200;
        assertThat(new VolumeSurgeDetector(2.0, 5).detect(day("600001.SH", "测试", bars(close, volume))))
                .singleElement().satisfies(x -> assertThat(x.get("volumeRatio").display()).isEqualTo("2.00倍"));
    }

    @Test
    void gapUpLeavesTodaysLowAboveYesterdaysHigh() {
        List<Bar> b = bars(new double[] {10, 10.5}, null);
        b.set(1, new Bar(b.get(1).date(), 10, 10.4, 10.6, 10.2, 10.5, 1000, 10000));
        // yesterday's high is 10.10 (close × 1.01 in bars()), today's low 10.20
        assertThat(new GapDetector(0).detect(day("600001.SH", "测试", b))).extracting(Anomaly::kind)
                .containsExactly(AnomalyKind.GAP_UP);
        assertThat(new GapDetector(1.0).detect(day("600001.SH", "测试", b))).isEmpty();
    }

    @Test
    void breakoutClosesAboveTheHighestHighOfTheWindow() {
        double[] close = new double[22];
        java.util.Arrays.fill(close, 10);
        close[21] = 10.2;
        assertThat(new BreakoutDetector(20).detect(day("600001.SH", "测试", bars(close, null))))
                .extracting(Anomaly::kind).containsExactly(AnomalyKind.BREAKOUT_HIGH);
        close[21] = 10.1; // equals the highest high (10 × 1.01): not above it
        assertThat(new BreakoutDetector(20).detect(day("600001.SH", "测试", bars(close, null)))).isEmpty();
    }

    @Test
    void fastMoveComparesWithTheCloseFiveMinutesEarlier() {
        List<MinuteBar> m = new ArrayList<>();
        double[] path = {10, 10, 10.1, 10.2, 10.25, 10.3, 10.31, 10.2, 9.9, 9.8, 9.9, 9.95};
        for (int j = 0; j < path.length; j++) {
            m.add(new MinuteBar(D0.plusDays(1).atTime(9, 31 + j), path[j], path[j], path[j], path[j], 100, 1000));
        }
        StockDay day = new StockDay(series("600001.SH", "测试", bars(new double[] {10, 10}, null)), 1,
                java.util.Optional.empty(), m);
        List<Anomaly> a = new FastMoveDetector(5, 3.0).detect(day);
        // rise: 10 → 10.31 at 09:37 is 3.10%; strongest drop: 10.25 → 9.8 at 09:40 is -4.39%
        assertThat(a).extracting(Anomaly::kind).containsExactly(AnomalyKind.FAST_RISE, AnomalyKind.FAST_DROP);
        assertThat(a.get(0).time()).isEqualTo(LocalTime.of(9, 37));
        assertThat(a.get(0).get("fastChange").display()).isEqualTo("3.10%");
        assertThat(a.get(1).get("fastChange").display()).isEqualTo("-4.39%");
        assertThat(a.get(1).time()).isEqualTo(LocalTime.of(9, 40));
    }

    @Test
    void syntheticScanCountsBreadthAndFlagsLimitsAtTheLimitPrice() {
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.of(11, 800));
        List<Symbol> universe = market.stocks().stream().map(SecurityInfo::symbol).toList();
        MarketScan scan = new AnomalyScanner(market, AnomalyRules.DEFAULT).scan(universe, market.latestTradingDate());
        Breadth b = scan.breadth();
        assertThat(b.traded() + scan.skipped().size()).isEqualTo(800);
        assertThat(b.advancers() + b.decliners() + b.unchanged()).isEqualTo(b.traded());
        assertThat(scan.skipped()).isNotEmpty(); // suspended stocks have no bar on the day
        long limitUps = scan.all().stream().filter(a -> a.kind() == AnomalyKind.LIMIT_UP).count();
        assertThat(limitUps).isEqualTo(b.limitUps());
        assertThat(scan.indices()).hasSize(6);
        for (Anomaly a : scan.all()) {
            if (a.kind() == AnomalyKind.LIMIT_UP) {
                BarSeries s = market.dailyBars(a.security().symbol());
                int i = s.size() - 1;
                var limit = PriceLimitRules.DEFAULT.limit(s.security(), s.date(i), PriceLimitRules.dayOfListing(s, i),
                        s.preClose(i)).orElseThrow();
                assertThat(a.get("close").value()).isEqualByComparingTo(limit.up());
            }
        }
        // over 800 stocks and many days, every family fires at least once somewhere in the last 30 days
        java.util.Set<AnomalyKind> kinds = java.util.EnumSet.noneOf(AnomalyKind.class);
        AnomalyScanner scanner = new AnomalyScanner(market, AnomalyRules.DEFAULT);
        List<LocalDate> days = market.dailyBars(Symbol.parse("000001.SH")).bars().stream()
                .map(Bar::date).toList();
        for (LocalDate d : days.subList(days.size() - 30, days.size())) {
            scanner.scan(universe.subList(0, 200), d).all().forEach(a -> kinds.add(a.kind()));
        }
        assertThat(kinds).contains(AnomalyKind.LIMIT_UP, AnomalyKind.LIMIT_DOWN, AnomalyKind.VOLUME_SURGE,
                AnomalyKind.BREAKOUT_HIGH, AnomalyKind.BREAKDOWN_LOW);
    }

    private static StockDay day(String code, String name, List<Bar> bars) {
        BarSeries s = series(code, name, bars);
        int i = s.size() - 1;
        return new StockDay(s, i, PriceLimitRules.DEFAULT.limit(s.security(), s.date(i), Integer.MAX_VALUE,
                s.preClose(i)), List.of());
    }

    private static BarSeries series(String code, String name, List<Bar> bars) {
        return new BarSeries(SecurityInfo.of(Symbol.parse(code), name), bars);
    }

    /** Bars at the given closes; high = close × 1.01, low = close × 0.99, open = previous close. */
    private static List<Bar> bars(double[] close, double[] volume) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < close.length; i++) {
            double pre = i == 0 ? close[0] : close[i - 1];
            double v = volume == null ? 1000 : volume[i];
            out.add(new Bar(D0.plusDays(i), pre, pre, Math.round(close[i] * 101) / 100.0,
                    Math.round(close[i] * 99) / 100.0, close[i], v, v * close[i]));
        }
        return out;
    }
}
