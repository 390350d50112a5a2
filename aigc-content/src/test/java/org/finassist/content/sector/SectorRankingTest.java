package org.finassist.content.sector;

import org.finassist.content.market.Bar;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SectorRankingTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 19);

    /** Stocks that closed {@code change}% from 10.00 on {@link #DAY}; a stock without a bar that day is suspended. */
    private static MarketDataSource market(Map<String, Double> changes) {
        Map<Symbol, BarSeries> series = new LinkedHashMap<>();
        changes.forEach((code, change) -> {
            SecurityInfo s = SecurityInfo.of(Symbol.parse(code), code);
            LocalDate day = Double.isNaN(change) ? DAY.minusDays(1) : DAY;
            double c = Double.isNaN(change) ? 10 : 10 * (1 + change / 100);
            series.put(s.symbol(), new BarSeries(s, List.of(new Bar(day, 10, 10, c, c, c, 1000, 10000))));
        });
        SecurityInfo index = SecurityInfo.of(Symbol.parse("000001.SH"), "上证指数");
        return new MarketDataSource() {
            public List<SecurityInfo> securities() {
                List<SecurityInfo> all = new java.util.ArrayList<>(series.values().stream().map(BarSeries::security).toList());
                all.add(index);
                return all;
            }

            public Optional<SecurityInfo> security(Symbol symbol) {
                return securities().stream().filter(s -> s.symbol().equals(symbol)).findFirst();
            }

            public BarSeries dailyBars(Symbol symbol) {
                BarSeries s = series.get(symbol);
                if (s == null) {
                    throw new MarketDataException(MarketDataException.Reason.UNKNOWN_SYMBOL, symbol.toString());
                }
                return s;
            }

            public LocalDate latestTradingDate() {
                return DAY;
            }
        };
    }

    private static List<Symbol> symbols(Map<String, Double> changes) {
        List<Symbol> out = new java.util.ArrayList<>(changes.keySet().stream().map(Symbol::parse).toList());
        out.add(Symbol.parse("000001.SH")); // an index in the universe is ignored
        return out;
    }

    @Test
    void withoutIndustriesThereIsNoRanking() {
        Map<String, Double> changes = new LinkedHashMap<>();
        changes.put("600000.SH", 1.0);
        changes.put("300001.SZ", 2.0);
        changes.put("600002.SH", Double.NaN); // suspended: not counted

        assertThat(SectorRanking.rank(market(changes), symbols(changes), s -> Optional.empty(), DAY)).isEmpty();
    }

    @Test
    void industriesAreUsedWhenMostStocksHaveOneAndATinyIndustryIsNotRanked() {
        Map<String, Double> changes = new LinkedHashMap<>();
        Map<Symbol, String> industry = new LinkedHashMap<>();
        String[] codes = {"600000.SH", "600001.SH", "600002.SH", "000001.SZ", "000002.SZ", "000004.SZ", "600003.SH"};
        double[] moves = {1, 2, 3, -1, -2, -3, 9}; // 半导体 has one stock: not an industry's move
        String[] names = {"银行", "银行", "银行", "白酒", "白酒", "白酒", "半导体"};
        for (int i = 0; i < codes.length; i++) {
            changes.put(codes[i], moves[i]);
            industry.put(Symbol.parse(codes[i]), names[i]);
        }

        SectorRanking.Ranking r = SectorRanking.rank(market(changes), symbols(changes),
                s -> Optional.ofNullable(industry.get(s)), DAY).orElseThrow();

        assertThat(r.moves()).extracting(SectorMove::sector).containsExactly("银行", "白酒");
        assertThat(r.moves().getFirst().meanChangePct()).isCloseTo(2.0, within(1e-9));
    }
}
