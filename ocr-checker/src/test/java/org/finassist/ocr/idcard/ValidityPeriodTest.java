package org.finassist.ocr.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityPeriodTest {

    @Test
    void parsesBothPrintedForms() {
        ValidityPeriod fixed = ValidityPeriod.parse("2015.03.04-2035.03.04").orElseThrow();
        assertThat(fixed.start()).isEqualTo(LocalDate.of(2015, 3, 4));
        assertThat(fixed.end()).contains(LocalDate.of(2035, 3, 4));
        ValidityPeriod longTerm = ValidityPeriod.parse("2020.01.02-长期").orElseThrow();
        assertThat(longTerm.longTerm()).isTrue();
        assertThat(longTerm.printed()).isEqualTo("2020.01.02-长期");
    }

    @Test
    void toleratesOcrSeparatorsButNotImpossibleDates() {
        assertThat(ValidityPeriod.parse("有效期限2015.03.04 — 2035.03.04")).isPresent();
        assertThat(ValidityPeriod.parse("20150304-20350304")).isPresent();
        assertThat(ValidityPeriod.parse("2015.02.30-2035.02.30")).isEmpty();
        assertThat(ValidityPeriod.parse("签发机关")).isEmpty();
    }
}
