package org.finassist.server.commentary;

import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.finassist.content.sector.SectorMove;
import org.finassist.content.sector.SectorRanking;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SectorTextTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 19);

    private static IndexQuote quote(String code, String name, double change) {
        return new IndexQuote(SecurityInfo.of(Symbol.parse(code), name), DAY,
                List.of(FactFormat.fact("change1d", "当日涨跌幅", change, FactUnit.PERCENT, 2, DAY)));
    }

    @Test
    void withoutIndustriesTheBoardIndicesAreRankedAndTheTextSaysWhy() {
        String text = SectorText.describe(Optional.empty(), List.of(quote("000001.SH", "上证指数", 0.52),
                quote("899050.BJ", "北证50", 0.84), quote("399006.SZ", "创业板指", -0.49)), "csi300");

        assertThat(text).contains("没有行业分类").contains("北证50涨0.84%、上证指数涨0.52%、创业板指跌0.49%");
    }

    @Test
    void industriesShowTheStrongestAndTheWeakest() {
        List<SectorMove> moves = List.of(new SectorMove("半导体", 10, 9, 1, 2.5), new SectorMove("银行", 8, 5, 3, 0.4),
                new SectorMove("电力", 6, 3, 3, 0.0), new SectorMove("白酒", 5, 1, 4, -1.2),
                new SectorMove("地产", 7, 0, 7, -3.1));
        String text = SectorText.describe(Optional.of(new SectorRanking.Ranking(DAY, moves)), List.of(), "csi300");

        assertThat(text).startsWith("行业板块（csi300成分股平均涨跌幅）涨幅居前：半导体平均+2.50%（上涨9家、下跌1家）")
                .contains("跌幅居前：地产平均-3.10%（上涨0家、下跌7家）；白酒平均-1.20%");
    }
}
