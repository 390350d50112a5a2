package org.finassist.content.market;

import org.finassist.content.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The {@link MarketDataSourceContract} run against every implementation. */
class MarketDataSourceContractTest {

    private static final SyntheticMarket SMALL = new SyntheticMarket(SyntheticMarket.Config.of(21, 120));

    @Nested
    class Synthetic extends MarketDataSourceContract {
        @Override
        MarketDataSource source() {
            return SMALL;
        }

        @Override
        Symbol unknown() {
            return Symbol.parse("605999.SH");
        }
    }

    @Nested
    class Csv extends MarketDataSourceContract {
        @TempDir
        Path dir;

        @Override
        MarketDataSource source() {
            CsvMarketWriter.write(SMALL, dir);
            return new CsvMarketDataSource(dir);
        }

        @Override
        Symbol unknown() {
            return Symbol.parse("605999.SH");
        }
    }

    @Nested
    class HqChart extends MarketDataSourceContract {
        @Override
        MarketDataSource source() {
            return new HqChartMarketDataSource(TestData.marketDirOrSkip());
        }
    }

    @Nested
    class WithStOverrides extends MarketDataSourceContract {
        @Override
        MarketDataSource source() {
            return new StOverrides(SMALL, java.util.Set.of(SMALL.stocks().getFirst().symbol()), java.util.Set.of());
        }

        @Override
        Symbol unknown() {
            return Symbol.parse("605999.SH");
        }
    }
}
