package org.finassist.content.market;

import org.finassist.content.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HqChartMarketDataSourceTest {

    @Test
    void readsRealDailyBarsAndNames() {
        HqChartMarketDataSource source = new HqChartMarketDataSource(TestData.marketDirOrSkip());
        BarSeries bars = source.dailyBars(Symbol.parse("600000.SH"));
        assertThat(bars.security().name()).isEqualTo("浦发银行");
        assertThat(bars.lastDate()).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThat(bars.bar(bars.size() - 1).close()).isEqualTo(8.52);
        assertThat(source.security(Symbol.parse("399006.SZ")).orElseThrow().name()).isEqualTo("创业板指");
        assertThat(source.latestTradingDate()).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThatThrownBy(() -> source.dailyBars(Symbol.parse("300750")))
                .isInstanceOfSatisfying(MarketDataException.class,
                        e -> assertThat(e.reason()).isEqualTo(MarketDataException.Reason.UNKNOWN_SYMBOL));
    }

    /** The exchange-published limit prices in the minute files must equal the rule applied to the previous close. */
    @Test
    void computedLimitPricesMatchThePublishedOnes() throws Exception {
        Path market = TestData.marketDirOrSkip();
        HqChartMarketDataSource source = new HqChartMarketDataSource(market);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int checked = 0;
        for (String code : List.of("600000.sh", "000001.sz", "000151.sz")) {
            var stock = json.readTree(market.resolve("minute/" + code + ".1day.minute.json").toFile()).path("stock").get(0);
            Symbol symbol = Symbol.parse(code);
            BarSeries bars = source.dailyBars(symbol);
            PriceLimit limit = PriceLimitRules.DEFAULT.limit(bars.security(), LocalDate.of(2024, 9, 20),
                    Integer.MAX_VALUE, bars.bar(bars.size() - 1).close()).orElseThrow();
            assertThat(stock.path("yclose").asDouble()).isEqualTo(bars.bar(bars.size() - 1).close());
            assertThat(limit.up()).isEqualByComparingTo(BigDecimal.valueOf(stock.path("limitprice").path("max").asDouble()));
            assertThat(limit.down()).isEqualByComparingTo(BigDecimal.valueOf(stock.path("limitprice").path("min").asDouble()));
            assertThat(source.minuteBars(symbol, LocalDate.of(2024, 9, 20))).hasSizeGreaterThan(200);
            List<MinuteBar> kline = source.minuteBars(symbol, LocalDate.of(2024, 9, 18));
            assertThat(kline).hasSize(240);
            int day = bars.indexOnOrBefore(LocalDate.of(2024, 9, 18));
            double dayVolume = kline.stream().mapToDouble(MinuteBar::volume).sum();
            // the minute bars of a day add up to its daily volume (minute volumes are rounded to lots)
            assertThat(dayVolume / bars.bar(day).volume()).isBetween(0.999, 1.001);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    /**
     * Limit-up detection against the real closes: every flagged day closes at prev × 1.1 rounded (computed here with
     * plain decimal arithmetic), no close ever exceeds that price, and both stocks have limit-up days.
     */
    @Test
    void limitUpDetectionAgreesWithRealCloses() {
        HqChartMarketDataSource source = new HqChartMarketDataSource(TestData.marketDirOrSkip());
        for (String code : List.of("600000.SH", "000001.SZ")) {
            BarSeries bars = source.dailyBars(Symbol.parse(code));
            int flagged = 0;
            int flaggedDown = 0;
            for (int i = 1; i < bars.size(); i++) {
                if (bars.date(i).isBefore(LocalDate.of(1996, 12, 16))) {
                    assertThat(PriceLimitRules.DEFAULT.limit(bars.security(), bars.date(i), i, bars.preClose(i))).isEmpty();
                    continue;
                }
                BigDecimal prev = new BigDecimal(String.valueOf(bars.close()[i - 1])).setScale(2, RoundingMode.HALF_UP);
                BigDecimal expectedUp = prev.multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP);
                BigDecimal close = new BigDecimal(String.valueOf(bars.close()[i])).setScale(2, RoundingMode.HALF_UP);
                PriceLimit limit = PriceLimitRules.DEFAULT.limit(bars.security(), bars.date(i), i, bars.preClose(i)).orElseThrow();
                assertThat(limit.isLimitUp(bars.close()[i])).as(code + " " + bars.date(i)).isEqualTo(close.equals(expectedUp));
                assertThat(close).as("close above the limit on " + bars.date(i)).isLessThanOrEqualTo(expectedUp);
                flagged += limit.isLimitUp(bars.close()[i]) ? 1 : 0;
                BigDecimal expectedDown = prev.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP);
                assertThat(limit.isLimitDown(bars.close()[i])).as(code + " " + bars.date(i)).isEqualTo(close.equals(expectedDown));
                flaggedDown += limit.isLimitDown(bars.close()[i]) ? 1 : 0;
            }
            assertThat(flagged).as(code + " limit-up days").isGreaterThan(5);
            assertThat(flaggedDown).as(code + " limit-down days").isGreaterThan(3);
        }
    }

    @Test
    void stCanBeConfiguredWhateverTheNameSays() {
        HqChartMarketDataSource source = new HqChartMarketDataSource(TestData.marketDirOrSkip());
        StOverrides st = new StOverrides(source, java.util.Set.of(Symbol.parse("600000.SH")), java.util.Set.of());
        assertThat(source.security(Symbol.parse("600000.SH")).orElseThrow().st()).isFalse();
        BarSeries bars = st.dailyBars(Symbol.parse("600000.SH"));
        assertThat(bars.security().st()).isTrue();
        assertThat(PriceLimitRules.DEFAULT.ratio(bars.security(), bars.lastDate(), 1000)).contains(new BigDecimal("0.05"));
        assertThat(st.securities()).filteredOn(SecurityInfo::st).extracting(SecurityInfo::symbol)
                .containsExactly(Symbol.parse("600000.SH"));
    }

    @Test
    void malformedFilesGiveAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("600000.sh.day.json"), "{\"data\": [[20240919, 1, 2, 3]]}");
        Files.writeString(dir.resolve("600004.sh.day.json"), "{not json");
        Files.writeString(dir.resolve("600016.sh.day.json"), "{\"data\": [[20240919, 1, 1, 1, 1, 1, 100, 100]]}");
        HqChartMarketDataSource source = new HqChartMarketDataSource(dir);
        assertThat(source.latestTradingDate()).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThatThrownBy(() -> source.dailyBars(Symbol.parse("600000")))
                .isInstanceOfSatisfying(MarketDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MarketDataException.Reason.MALFORMED_DATA);
                    assertThat(e.getMessage()).contains("600000.sh.day.json", "row 0");
                });
        assertThatThrownBy(() -> source.dailyBars(Symbol.parse("600004")))
                .hasMessageContaining("600004.sh.day.json");
    }
}
