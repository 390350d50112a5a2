package org.finassist.content.diagnosis;

import org.finassist.content.guard.NarrativeSource;

import org.finassist.content.TestData;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.HqChartMarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosisServiceTest {

    @Test
    void diagnosesRealBarsWithTheLocalTemplate() {
        HqChartMarketDataSource market = new HqChartMarketDataSource(TestData.marketDirOrSkip());
        DiagnosisService service = DiagnosisService.builder().marketData(market).build();
        DiagnosisReport report = service.diagnose("600000");

        DiagnosisFacts f = report.facts();
        assertThat(f.asOf()).isEqualTo(LocalDate.of(2024, 9, 19));
        assertThat(f.get("close").display()).isEqualTo("8.52元");
        assertThat(f.benchmark().name()).isEqualTo("上证指数");
        BarSeries bars = market.dailyBars(Symbol.parse("600000.SH"));
        double sum = 0;
        for (int i = bars.size() - 20; i < bars.size(); i++) {
            sum += bars.close()[i];
        }
        assertThat(f.get("ma20").value()).isEqualByComparingTo(BigDecimal.valueOf(sum / 20).setScale(2, RoundingMode.HALF_UP));
        double prev = bars.close()[bars.size() - 2];
        assertThat(f.get("change1d").value()).isEqualByComparingTo(
                BigDecimal.valueOf((8.52 / prev - 1) * 100).setScale(2, RoundingMode.HALF_UP));
        assertThat(f.facts()).allMatch(x -> !x.asOf().isAfter(f.asOf()));

        assertThat(report.narrative().source()).isEqualTo(NarrativeSource.LOCAL_TEMPLATE);
        assertThat(report.narrative().text()).contains("浦发银行（600000.SH）", "8.52元", "整体表现" + report.rating().label());
        assertThat(report.publishedText()).contains("【AI生成】", "2024-09-19", "不构成投资建议");
        assertThat(report.disclosure().passed()).isTrue();
    }

    @Test
    void resolvesNamesToCodes() {
        HqChartMarketDataSource market = new HqChartMarketDataSource(TestData.marketDirOrSkip());
        DiagnosisFacts f = DiagnosisService.builder().marketData(market).build().facts("平安银行");
        assertThat(f.security().symbol()).hasToString("000001.SZ");
        assertThat(f.benchmark().name()).isEqualTo("深证成指");
    }

    @Test
    void ratingFollowsTheTrend() {
        InMemoryMarket market = new InMemoryMarket()
                .add("600001", "稳升股份", 300, i -> 10 * Math.pow(1.004, i) * (1 + 0.01 * Math.sin(i)))
                .add("600002", "缓降股份", 300, i -> 30 * Math.pow(0.996, i) * (1 + 0.01 * Math.sin(i)))
                .add("000001.SH", "上证指数", 300, i -> 3000 + 0.1 * i);
        DiagnosisService service = DiagnosisService.builder().marketData(market).build();
        DiagnosisReport up = service.diagnose("600001");
        DiagnosisReport down = service.diagnose("600002");
        assertThat(up.scores().of(Dimension.TREND).score()).isGreaterThan(down.scores().of(Dimension.TREND).score());
        assertThat(up.scores().overall()).isGreaterThan(down.scores().overall());
        assertThat(up.rating()).isIn(Rating.STRONG, Rating.SOMEWHAT_STRONG);
        assertThat(down.rating()).isIn(Rating.WEAK, Rating.SOMEWHAT_WEAK);
        assertThat(up.scores().of(Dimension.RELATIVE_STRENGTH).reasons()).contains("近20日表现强于基准指数");
    }

    @Test
    void badInputGivesChineseMessages(@TempDir Path dir) throws Exception {
        InMemoryMarket market = new InMemoryMarket()
                .add("600001", "稳升股份", 300, i -> 10 + 0.01 * i)
                .add("600003", "停牌股份", 250, i -> 10.0)
                .add("688001", "新上市科技", 270, 300, i -> 20 + 0.1 * i)
                .add("000001.SH", "上证指数", 300, i -> 3000);
        DiagnosisService service = DiagnosisService.builder().marketData(market).build();
        Map<DiagnosisException.Reason, String> messages = new EnumMap<>(DiagnosisException.Reason.class);
        for (String q : new String[] {"不存在的公司", "600999", "600003", "688001", "000001.SH"}) {
            assertThatThrownBy(() -> service.diagnose(q)).isInstanceOfSatisfying(DiagnosisException.class,
                    e -> messages.put(e.reason(), e.customerMessage()));
        }
        assertThat(messages.get(DiagnosisException.Reason.UNKNOWN_SYMBOL)).contains("没有找到“600999”");
        assertThat(messages.get(DiagnosisException.Reason.SUSPENDED)).contains("停牌");
        assertThat(messages.get(DiagnosisException.Reason.INSUFFICIENT_HISTORY)).contains("历史数据太少");
        assertThat(messages.get(DiagnosisException.Reason.NOT_A_STOCK)).contains("指数");

        Files.writeString(dir.resolve("600000.sh.day.json"), "{\"data\": [[20240919, 8.3, \"x\"]]}");
        DiagnosisService broken = DiagnosisService.builder().marketData(new HqChartMarketDataSource(dir)).build();
        assertThatThrownBy(() -> broken.diagnose("600000")).isInstanceOfSatisfying(DiagnosisException.class, e -> {
            assertThat(e.reason()).isIn(DiagnosisException.Reason.BAD_DATA);
            assertThat(e.customerMessage()).contains("暂时无法读取").doesNotContain("json");
        });
    }

    /** The template narrative passes its own checks on every diagnosable stock of a synthetic universe. */
    @Test
    void templateNarrativeIsGroundedAcrossASyntheticUniverse() {
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.of(5, 400));
        DiagnosisService service = DiagnosisService.builder().marketData(market).build();
        Map<DiagnosisException.Reason, Integer> refused = new EnumMap<>(DiagnosisException.Reason.class);
        int diagnosed = 0;
        for (SecurityInfo s : market.stocks()) {
            try {
                DiagnosisReport r = service.diagnose(s.symbol().toString());
                assertThat(r.narrative().attempts().getLast().violations()).isEmpty();
                assertThat(r.disclosure().passed()).isTrue();
                diagnosed++;
            } catch (DiagnosisException e) {
                refused.merge(e.reason(), 1, Integer::sum);
            }
        }
        assertThat(diagnosed).isGreaterThan(350);
        assertThat(refused).containsKeys(DiagnosisException.Reason.SUSPENDED);
    }
}
