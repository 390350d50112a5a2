package org.finassist.core.guardrail;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NumberGroundingGuardrailTest {

    private final NumberGroundingGuardrail guardrail = new NumberGroundingGuardrail();
    private final GroundingContext facts = GroundingContext.builder()
            .number("close", new BigDecimal("8.52"), "元")
            .number("change", new BigDecimal("-2.35"), "%")
            .number("amount", new BigDecimal("330778720"), "元")
            .number("ma.period", 20, "日")
            .date(LocalDate.of(2024, 9, 19))
            .literal("600000.SH").literal("沪深300")
            .build();

    @Test
    void groundedTextPasses() {
        String text = "截至2024-09-19，600000.SH收盘8.52元，下跌2.35%，成交额3.31亿元，站上20日均线，跑输沪深300。9月19日数据。";
        assertThat(guardrail.check(text, facts).violations()).isEmpty();
    }

    @Test
    void roundedToFewerDecimalsPassesButCoarseRoundingDoesNot() {
        assertThat(guardrail.check("收盘约8.5元。", facts).passed()).isTrue();
        assertThat(guardrail.check("收盘约9元。", facts).passed()).isFalse();
    }

    @Test
    void wrongPriceIsRejectedNamingTheSentence() {
        GuardrailResult result = guardrail.check("走势平稳。收盘价为8.62元。", facts);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("UNGROUNDED_NUMBER");
            assertThat(v.sentence()).isEqualTo("收盘价为8.62元。");
            assertThat(v.detail()).contains("8.62");
        });
    }

    @Test
    void percentMustMatchAPercentFact() {
        assertThat(guardrail.check("上涨8.52%。", facts).passed()).isFalse();
        assertThat(guardrail.check("下跌2.53%。", facts).passed()).isFalse();
        assertThat(guardrail.check("下跌2.35％。", facts).passed()).isTrue();
    }

    @Test
    void wrongScaleIsRejected() {
        assertThat(guardrail.check("成交额33.1亿元。", facts).passed()).isFalse();
        assertThat(guardrail.check("成交额33078万元。", facts).passed()).isTrue();
    }

    @Test
    void datesMustBeDataDates() {
        assertThat(guardrail.check("2024年9月20日收盘8.52元。", facts).violations())
                .extracting(Violation::code).containsExactly("UNGROUNDED_DATE");
        assertThat(guardrail.check("2023年以来。", facts).passed()).isFalse();
        assertThat(guardrail.check("2024年以来。", facts).passed()).isTrue();
    }

    @Test
    void codeOutsideTheLiteralsIsANumber() {
        assertThat(guardrail.check("000001.SZ表现相近。", facts).passed()).isFalse();
    }
}
