package org.finassist.content.diagnosis;

import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.content.guard.ScriptedChatModel;

import org.finassist.content.market.SyntheticMarket;
import org.finassist.content.market.SecurityInfo;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.Guardrails;
import org.finassist.core.guardrail.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fake stock-diagnosis model that inserts a wrong price, a wrong percentage or "建议买入": each is caught, the
 * model is asked again with the offending sentence named, and the template narrates when the retry fails too.
 */
class NarrativeGuardrailTest {

    private static final SyntheticMarket MARKET = new SyntheticMarket(SyntheticMarket.Config.of(11, 200));
    private final List<Violation> recorded = new ArrayList<>();

    private DiagnosisService service(ScriptedChatModel model) {
        return DiagnosisService.builder().marketData(MARKET).narrativeModel(model)
                .rejectionListener((scenario, v) -> {
                    assertThat(scenario).isEqualTo("stock-diagnosis");
                    recorded.addAll(v);
                }).build();
    }

    private static SecurityInfo stock() {
        return MARKET.stocks().stream().filter(s -> {
            try {
                DiagnosisService.builder().marketData(MARKET).build().facts(s.symbol().toString());
                return true;
            } catch (DiagnosisException e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private static String goodText(DiagnosisFacts f) {
        return f.security().name() + "截至" + f.asOf() + "收盘价" + f.get("close").display() + "，20日均线为"
                + f.get("ma20").display() + "，近20日涨跌幅" + f.get("change20d").display() + "，RSI12为"
                + f.get("rsi12").value() + "。成交额" + f.get("amount").display() + "，波动与风险需关注。";
    }

    @Test
    void groundedModelNarrativeIsPublishedAsIs() {
        SecurityInfo s = stock();
        DiagnosisFacts f = DiagnosisService.builder().marketData(MARKET).build().facts(s.symbol().toString());
        ScriptedChatModel model = new ScriptedChatModel("deepseek").then(goodText(f));
        DiagnosisReport report = service(model).diagnose(s.symbol().code());
        assertThat(report.narrative().source()).isEqualTo(NarrativeSource.MODEL);
        assertThat(report.narrative().text()).isEqualTo(goodText(f));
        assertThat(report.narrative().attempts()).singleElement().satisfies(a -> {
            assertThat(a.accepted()).isTrue();
            assertThat(a.tokens()).isEqualTo(150);
        });
        assertThat(model.prompts().getFirst()).contains(f.get("close").display(), f.asOf().toString(), "评级");
        assertThat(recorded).isEmpty();
        assertPublishedIsGrounded(report);
    }

    @Test
    void wrongPriceIsCaughtAndTheRetryNamesTheSentence() {
        SecurityInfo s = stock();
        DiagnosisFacts f = DiagnosisService.builder().marketData(MARKET).build().facts(s.symbol().toString());
        BigDecimal wrong = f.get("close").value().add(new BigDecimal("0.37"));
        String bad = "该股最新收盘价为" + wrong.toPlainString() + "元。";
        ScriptedChatModel model = new ScriptedChatModel("deepseek").then(goodText(f) + bad).then(goodText(f));
        DiagnosisReport report = service(model).diagnose(s.symbol().toString());
        assertThat(report.narrative().source()).isEqualTo(NarrativeSource.MODEL_REGENERATED);
        assertThat(report.narrative().text()).doesNotContain(wrong.toPlainString());
        assertThat(model.prompts()).hasSize(2);
        assertThat(model.prompts().get(1)).contains(bad).contains("未通过");
        assertThat(recorded).extracting(Violation::code).containsExactly("UNGROUNDED_NUMBER");
        assertPublishedIsGrounded(report);
    }

    @Test
    void wrongPercentageTwiceFallsBackToTheTemplate() {
        SecurityInfo s = stock();
        DiagnosisFacts f = DiagnosisService.builder().marketData(MARKET).build().facts(s.symbol().toString());
        BigDecimal wrongPct = f.get("change20d").value().abs().add(new BigDecimal("3.10"));
        String bad = goodText(f) + "近20日累计涨幅达" + wrongPct.toPlainString() + "%。";
        ScriptedChatModel model = new ScriptedChatModel("deepseek").then(bad).then(bad);
        DiagnosisReport report = service(model).diagnose(s.symbol().toString());
        assertThat(report.narrative().source()).isEqualTo(NarrativeSource.TEMPLATE_FALLBACK);
        assertThat(report.narrative().fallbackReason()).contains("rejected twice");
        assertThat(report.narrative().attempts()).extracting(NarrativeAttempt::origin, NarrativeAttempt::accepted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("model", false),
                        org.assertj.core.groups.Tuple.tuple("model-retry", false),
                        org.assertj.core.groups.Tuple.tuple("template", true));
        assertThat(report.narrative().text()).doesNotContain(wrongPct.toPlainString() + "%");
        assertThat(recorded).hasSize(2).allMatch(v -> v.detail().contains(wrongPct.toPlainString()));
        assertPublishedIsGrounded(report);
    }

    @Test
    void buyAdviceIsRejected() {
        SecurityInfo s = stock();
        DiagnosisFacts f = DiagnosisService.builder().marketData(MARKET).build().facts(s.symbol().toString());
        ScriptedChatModel model = new ScriptedChatModel("stepfun")
                .then(goodText(f) + "技术面向好，建议买入。").then(goodText(f) + "后市必涨，可以加仓。");
        DiagnosisReport report = service(model).diagnose(s.symbol().toString());
        assertThat(report.narrative().source()).isEqualTo(NarrativeSource.TEMPLATE_FALLBACK);
        assertThat(recorded).extracting(Violation::code)
                .containsExactly("TRADING_ADVICE", "PROMISED_RETURN", "TRADING_ADVICE");
        assertThat(report.publishedText()).doesNotContain("买入", "必涨", "加仓");
        assertPublishedIsGrounded(report);
    }

    @Test
    void modelErrorFallsBackAndLocalModelUsesTheTemplateWithoutARejection() {
        SecurityInfo s = stock();
        DiagnosisReport failed = service(new ScriptedChatModel("deepseek")
                .thenFail(new IllegalStateException("all providers down"))).diagnose(s.symbol().toString());
        assertThat(failed.narrative().source()).isEqualTo(NarrativeSource.TEMPLATE_FALLBACK);
        assertThat(failed.narrative().attempts().getFirst().error()).contains("all providers down");

        DiagnosisReport local = service(new ScriptedChatModel("local").then("抱歉，暂时无法为您诊断这只股票（如600000）。"))
                .diagnose(s.symbol().toString());
        assertThat(local.narrative().source()).isEqualTo(NarrativeSource.LOCAL_TEMPLATE);
        assertThat(recorded).isEmpty();
        assertPublishedIsGrounded(local);
    }

    private static void assertPublishedIsGrounded(DiagnosisReport report) {
        GroundingContext context = Grounding.of(report.facts(), report.scores());
        assertThat(Guardrails.forNarrative().check(report.publishedText(), context).violations()).isEmpty();
        assertThat(report.disclosure().passed()).isTrue();
        assertThat(report.publishedText()).startsWith(report.aigcLabel()).endsWith(report.disclaimer())
                .contains(report.dataDate().toString());
    }
}
