package org.finassist.content.commentary;

import org.finassist.content.market.Symbol;
import org.finassist.content.market.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UniverseTest {

    private static final SyntheticMarket MARKET = new SyntheticMarket(SyntheticMarket.Config.of(9, 40));

    @TempDir
    Path dir;

    @Test
    void aListKeepsTheStocksTheMarketDataKnowsInFileOrder() throws IOException {
        String known = MARKET.stocks().get(3).symbol().toString();
        Files.writeString(dir.resolve("csi300.csv"), "Symbol,Name\n" + known.replace(".SH", ".SS") + ",甲\n999999.SZ,乙\n");
        Universe u = Universe.resolve("CSI300", dir, MARKET);
        assertThat(u.symbols()).containsExactly(Symbol.parse(known));
        assertThat(u.source()).isEqualTo("constituents");
        assertThat(u.missing()).isEqualTo(1);
    }

    @Test
    void whenTheDataKnowsNoneOfTheListTheSyntheticStocksStandIn() throws IOException {
        Files.writeString(dir.resolve("sse.csv"), "Symbol,Name\n999998.SH,甲\n999999.SH,乙\n");
        Universe u = Universe.resolve("sse", dir, MARKET);
        assertThat(u.source()).isEqualTo("synthetic");
        assertThat(u.symbols()).hasSize(2).allSatisfy(s -> assertThat(MARKET.security(s)).isPresent());
        assertThat(Universe.resolve("csi1000", null, MARKET).symbols()).hasSize(40); // capped at the market's size
        assertThat(Universe.resolve("all", null, MARKET).symbols()).hasSize(40);
    }

    @Test
    void unknownOrMalformedNamesAreRefused() {
        assertThatThrownBy(() -> Universe.resolve("nasdaq", dir, MARKET)).hasMessageContaining("Unknown universe 'nasdaq'");
        assertThatThrownBy(() -> Universe.resolve("../etc/passwd", dir, MARKET)).isInstanceOf(IllegalArgumentException.class);
    }
}
