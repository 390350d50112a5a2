package org.finassist.content.market;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link MarketDataSource} promises; one subclass per implementation. */
abstract class MarketDataSourceContract {

    abstract MarketDataSource source();

    /** A symbol of the right shape the source does not have. */
    Symbol unknown() {
        return Symbol.parse("600999.SH");
    }

    @Test
    void barsAreOrderedUniqueAndSane() {
        MarketDataSource source = source();
        List<SecurityInfo> securities = source.securities();
        assertThat(securities).isNotEmpty();
        for (SecurityInfo s : securities.subList(0, Math.min(50, securities.size()))) {
            BarSeries bars = source.dailyBars(s.symbol());
            assertThat(bars.security()).isEqualTo(source.security(s.symbol()).orElseThrow());
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.bar(i);
                assertThat(i == 0 || b.date().isAfter(bars.date(i - 1))).as("%s ordered at %s", s.symbol(), b.date()).isTrue();
                // sources pass real bars through as published (early index bars have a low above
                // the high), so OHLC consistency is promised for stocks only
                assertThat(b.low()).as("%s low at %s", s.symbol(), b.date()).isPositive();
                assertThat(b.high()).isPositive();
                assertThat(b.close()).isPositive();
                if (!s.isIndex()) {
                    assertThat(b.low()).as("%s low at %s", s.symbol(), b.date())
                            .isLessThanOrEqualTo(Math.min(b.open(), b.close()) + 1e-9);
                    assertThat(b.high()).as("%s high at %s", s.symbol(), b.date())
                            .isGreaterThanOrEqualTo(Math.max(b.open(), b.close()) - 1e-9);
                }
                assertThat(b.volume()).isNotNegative();
            }
        }
    }

    @Test
    void latestTradingDayIsTheLatestBar() {
        MarketDataSource source = source();
        LocalDate max = source.securities().stream().map(s -> source.dailyBars(s.symbol())).filter(b -> !b.isEmpty())
                .map(BarSeries::lastDate).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(source.latestTradingDate()).isEqualTo(max);
    }

    @Test
    void unknownSymbolIsReportedAsSuch() {
        assertThat(source().security(unknown())).isEmpty();
        assertThatThrownBy(() -> source().dailyBars(unknown())).isInstanceOfSatisfying(MarketDataException.class,
                e -> assertThat(e.reason()).isEqualTo(MarketDataException.Reason.UNKNOWN_SYMBOL));
    }

    @Test
    void boardsFollowCodes() {
        assertThat(source().securities()).allMatch(s -> s.board() == s.symbol().board());
    }
}
