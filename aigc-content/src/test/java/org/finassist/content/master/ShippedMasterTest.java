package org.finassist.content.master;

import org.finassist.content.TestData;
import org.finassist.content.market.Board;
import org.finassist.content.market.Symbol;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped master: what it holds, and that it is exactly what the builder makes of the constituent lists (so a
 * hand edit or a stale file fails). {@code -Dfinassist.master.rebuild=true} rewrites it instead.
 */
class ShippedMasterTest {

    @Test
    void holdsRealNamesAcrossBoards() {
        SecuritiesMaster master = SecuritiesMaster.bundled();
        assertThat(master.size()).isGreaterThan(3000);
        assertThat(master.countByBoard()).containsKeys(Board.MAIN, Board.CHINEXT, Board.STAR);
        assertThat(master.find(Symbol.parse("600519")).orElseThrow().name()).isEqualTo("贵州茅台");
        assertThat(master.find(Symbol.parse("600519")).orElseThrow().pinyinInitials()).contains("gzmt");
        assertThat(master.find(Symbol.parse("300750")).orElseThrow().name()).isEqualTo("宁德时代");
        assertThat(master.find(Symbol.parse("000002")).orElseThrow().name()).isEqualTo("万科A");
        assertThat(master.find(Symbol.parse("600000")).orElseThrow().pinyinInitials()).contains("pfyh");
        assertThat(master.find(Symbol.parse("000875")).orElseThrow().formerNames()).containsExactly("吉电股份");
        assertThat(master.all()).allSatisfy(s -> assertThat(s.board()).isNotEqualTo(Board.INDEX));
        assertThat(master.all()).noneMatch(s -> s.symbol().code().startsWith("900") || s.symbol().code().startsWith("200"));
        assertThat(master.provenance()).contains("Apache License 2.0");
    }

    @Test
    void isWhatTheBuilderMakesOfTheConstituentLists() throws Exception {
        Path dir = TestData.marketDirOrSkip().resolve("constituents");
        String built = ConstituentsMasterBuilder.csv(ConstituentsMasterBuilder.build(dir));
        if (Boolean.getBoolean("finassist.master.rebuild")) {
            Path out = Path.of("src/main/resources" + SecuritiesMaster.BUNDLED);
            Files.createDirectories(out.getParent());
            Files.writeString(out, built, StandardCharsets.UTF_8);
        }
        try (var in = SecuritiesMaster.class.getResourceAsStream(SecuritiesMaster.BUNDLED)) {
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shipped).as("run scripts/build-securities-master.sh").isEqualTo(built);
        }
    }

    @Test
    void initialsCoverPolyphonicReadings() {
        assertThat(ConstituentsMasterBuilder.initials("贵州茅台")).containsExactly("gzmt");
        assertThat(ConstituentsMasterBuilder.initials("重庆啤酒")).contains("cqpj");
        assertThat(ConstituentsMasterBuilder.initials("*ST华源").getFirst()).isEqualTo("hy");
        assertThat(ConstituentsMasterBuilder.initials("TCL科技")).containsExactly("tclkj");
    }
}
