package org.finassist.core.guardrail;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceGuardrailTest {

    private final ComplianceGuardrail guardrail = new ComplianceGuardrail();

    @Test
    void neutralTextPasses() {
        assertThat(guardrail.check("短期走势偏强，波动有所放大，请关注风险。", GroundingContext.empty()).passed()).isTrue();
    }

    @Test
    void tradingAdviceAndPromisesAreRejectedWithTheirCodes() {
        GuardrailResult result = guardrail.check("趋势向好，建议 买 入。后市必涨，稳赚不赔！", GroundingContext.empty());
        assertThat(result.violations()).extracting(Violation::code)
                .containsExactlyInAnyOrder("TRADING_ADVICE", "PROMISED_RETURN", "PROMISED_RETURN");
        assertThat(result.offendingSentences()).containsExactly("趋势向好，建议 买 入。", "后市必涨，稳赚不赔！");
    }

    @Test
    void absoluteTermsAreRejected() {
        assertThat(guardrail.check("这是最佳时机。", GroundingContext.empty()).violations())
                .extracting(Violation::code).containsExactly("ABSOLUTE_TERM");
    }

    @Test
    void phraseListIsDataAndMalformedLinesFail() {
        PhraseList list = PhraseList.parse(List.of("# c", "", "X\t测试词"), "inline");
        assertThat(new ComplianceGuardrail(list).check("一个测试词。", GroundingContext.empty()).violations())
                .extracting(Violation::code).containsExactly("X");
        assertThatThrownBy(() -> PhraseList.parse(List.of("ONLYCODE"), "inline")).hasMessageContaining("line 1");
    }

    @Test
    void disclosureRequiresLabelDisclaimerAndDate() {
        DisclosureGuardrail disclosure = new DisclosureGuardrail(Disclosure.DEFAULT);
        GroundingContext ctx = GroundingContext.builder().date(LocalDate.of(2024, 9, 19)).build();
        String full = Disclosure.DEFAULT.aigcLabel() + "数据截至2024-09-19。" + Disclosure.DEFAULT.disclaimer();
        assertThat(disclosure.check(full, ctx).passed()).isTrue();
        assertThat(disclosure.check("数据截至2024年9月19日。", ctx).violations()).extracting(Violation::code)
                .containsExactly("MISSING_AIGC_LABEL", "MISSING_DISCLAIMER");
        assertThat(disclosure.check(Disclosure.DEFAULT.aigcLabel() + Disclosure.DEFAULT.disclaimer(), ctx)
                .violations()).extracting(Violation::code).containsExactly("MISSING_DATA_DATE");
    }

    @Test
    void disclosureTextsThemselvesPassNarrativeGuardrails() {
        String both = Disclosure.DEFAULT.aigcLabel() + Disclosure.DEFAULT.disclaimer();
        assertThat(Guardrails.forNarrative().check(both, GroundingContext.empty()).violations()).isEmpty();
    }
}
