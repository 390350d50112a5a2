package org.finassist.content.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticMarketTest {

    private final SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.of(7, 2000));

    @Test
    void sameSeedSameMarket() {
        SyntheticMarket again = new SyntheticMarket(SyntheticMarket.Config.of(7, 2000));
        Symbol s = market.stocks().get(123).symbol();
        assertThat(again.dailyBars(s).bars()).isEqualTo(market.dailyBars(s).bars());
        assertThat(new SyntheticMarket(SyntheticMarket.Config.of(8, 2000)).stocks().get(0).name())
                .isNotEqualTo(market.stocks().get(0).name());
    }

    @Test
    void universeHasEveryBoardStAndIndices() {
        Map<Board, Long> boards = market.securities().stream()
                .collect(Collectors.groupingBy(SecurityInfo::board, Collectors.counting()));
        assertThat(boards.keySet()).containsExactlyInAnyOrder(Board.values());
        assertThat(boards.get(Board.MAIN)).isGreaterThan(1000);
        long st = market.stocks().stream().filter(SecurityInfo::st).count();
        assertThat(st).isBetween(20L, 150L);
        assertThat(market.stocks().stream().filter(SecurityInfo::st)).allMatch(s -> s.board() == Board.MAIN);
        assertThat(market.stocks().stream().map(SecurityInfo::symbol).distinct().count()).isEqualTo(2000);
    }

    /** Every close respects its board's limit, and limit-up days, suspensions and new listings all occur. */
    @Test
    void barsRespectBoardLimitsAndShowSuspensionsAndListings() {
        int limitUps = 0;
        int stLimitUps = 0;
        int suspendedNow = 0;
        int withGaps = 0;
        int noLimitPops = 0;
        int calendar = market.config().tradingDays();
        for (SecurityInfo sec : market.stocks()) {
            BarSeries bars = market.dailyBars(sec.symbol());
            assertThat(bars.size()).isPositive();
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.bar(i);
                assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close()));
                assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
                var limit = PriceLimitRules.DEFAULT.limit(sec, b.date(), PriceLimitRules.dayOfListing(bars, i), bars.preClose(i));
                if (limit.isPresent()) {
                    assertThat(PriceLimit.cents(b.close())).isBetween(limit.get().down(), limit.get().up());
                    assertThat(PriceLimit.cents(b.high())).isLessThanOrEqualTo(limit.get().up());
                    if (limit.get().isLimitUp(b.close())) {
                        limitUps++;
                        stLimitUps += sec.st() ? 1 : 0;
                    }
                } else if (b.close() > bars.preClose(i) * 1.2) {
                    noLimitPops++;
                }
            }
            suspendedNow += bars.lastDate().isBefore(market.latestTradingDate()) ? 1 : 0;
            boolean newListing = sec.listDate() != null && !sec.listDate().isBefore(bars.date(0));
            withGaps += !newListing && bars.size() < calendar - 1 && !bars.lastDate().isBefore(market.latestTradingDate()) ? 1 : 0;
        }
        assertThat(limitUps).isGreaterThan(500);
        assertThat(stLimitUps).isPositive();
        assertThat(suspendedNow).isBetween(5, 60);
        assertThat(withGaps).isGreaterThan(100);
        assertThat(noLimitPops).isPositive();
    }

    @Test
    void csvRoundTrip(@TempDir Path dir) {
        SyntheticMarket small = new SyntheticMarket(SyntheticMarket.Config.of(3, 30));
        int files = CsvMarketWriter.write(small, dir);
        CsvMarketDataSource csv = new CsvMarketDataSource(dir);
        assertThat(files).isEqualTo(small.securities().size() + 1);
        Map<Symbol, SecurityInfo> read = csv.securities().stream()
                .collect(Collectors.toMap(SecurityInfo::symbol, Function.identity()));
        for (SecurityInfo s : small.securities()) {
            assertThat(read.get(s.symbol())).isEqualTo(s);
            assertThat(csv.dailyBars(s.symbol()).bars()).isEqualTo(small.dailyBars(s.symbol()).bars());
        }
        assertThat(csv.latestTradingDate()).isEqualTo(small.latestTradingDate());
    }

    @Test
    void resolverFindsCodesAndNames() {
        SymbolResolver resolver = new SymbolResolver(market);
        SecurityInfo some = market.stocks().get(42);
        assertThat(resolver.resolve(" " + some.name() + " ")).contains(some.symbol());
        assertThat(resolver.resolve("sh600000")).contains(Symbol.parse("600000.SH"));
        assertThat(resolver.resolve("不存在的公司")).isEmpty();
        assertThat(resolver.findIn("帮我看看" + some.name() + "怎么样")).contains(some.symbol());
        assertThat(resolver.findIn("诊股 sz000001，谢谢")).contains(Symbol.parse("000001.SZ"));
        assertThat(resolver.findIn("诊股600000.SH")).contains(Symbol.parse("600000.SH"));
        assertThat(resolver.findIn("今天大盘怎么样")).isEmpty();
        assertThat(List.of(resolver.known(some.symbol()), resolver.known(Symbol.parse("600999.SH")))).containsExactly(true, false);
    }
}
