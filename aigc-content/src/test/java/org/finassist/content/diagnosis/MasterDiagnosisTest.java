package org.finassist.content.diagnosis;

import org.finassist.content.market.PriceLimitRules;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SyntheticMarket;
import org.finassist.content.master.SecuritiesMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default: the shipped master's real names on simulated prices. Diagnosis by code, name, short name and
 * initials on every board the master holds; the name in the report is always the real one.
 */
class MasterDiagnosisTest {

    private static final SecuritiesMaster MASTER = SecuritiesMaster.bundled();
    private static final SyntheticMarket MARKET = new SyntheticMarket(
            new SyntheticMarket.Config(20240919L, 1, 120, LocalDate.of(2024, 9, 19), 0, 0, 0), PriceLimitRules.DEFAULT,
            MASTER.all().stream().map(s -> s.info(null, null)).toList());
    private static final DiagnosisService SERVICE = DiagnosisService.builder().marketData(MARKET).master(MASTER).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"600519, 600519.SH, 贵州茅台", "贵州茅台, 600519.SH, 贵州茅台", "茅台, 600519.SH, 贵州茅台",
        "gzmt, 600519.SH, 贵州茅台", "000858, 000858.SZ, 五粮液", "五粮液, 000858.SZ, 五粮液",
        "300750, 300750.SZ, 宁德时代", "宁德, 300750.SZ, 宁德时代", "ndsd, 300750.SZ, 宁德时代",
        "301029, 301029.SZ, 怡合达", "怡合达, 301029.SZ, 怡合达", "688981, 688981.SH, 中芯国际",
        "中芯, 688981.SH, 中芯国际", "zxgj, 688981.SH, 中芯国际"})
    void diagnosesByCodeNameShortNameAndInitials(String query, String symbol, String name) {
        DiagnosisReport report = SERVICE.diagnose(query);
        assertThat(report.facts().security().symbol()).isEqualTo(Symbol.parse(symbol));
        assertThat(report.facts().security().name()).isEqualTo(name);
        assertThat(report.publishedText()).contains(name);
    }

    @Test
    void everyStockOfTheDefaultCarriesItsRealName() {
        assertThat(MARKET.stocks()).hasSize(MASTER.size());
        assertThat(MARKET.stocks()).allSatisfy(s ->
                assertThat(s.name()).isEqualTo(MASTER.find(s.symbol()).orElseThrow().name()));
    }

    @Test
    void ambiguousAndUnknownNamesAreRefusedInChinese() {
        assertThatThrownBy(() -> SERVICE.diagnose("平安")).isInstanceOfSatisfying(DiagnosisException.class, e -> {
            assertThat(e.reason()).isEqualTo(DiagnosisException.Reason.AMBIGUOUS);
            assertThat(e.candidates()).contains(Symbol.parse("000001.SZ"), Symbol.parse("601318.SH"));
            assertThat(e.customerMessage()).contains("哪一只");
        });
        assertThatThrownBy(() -> SERVICE.diagnose("雷霆万钧")).isInstanceOfSatisfying(DiagnosisException.class, e -> {
            assertThat(e.reason()).isEqualTo(DiagnosisException.Reason.UNKNOWN_SYMBOL);
            assertThat(e.customerMessage()).contains("没有找到“雷霆万钧”");
        });
    }
}
