package org.finassist.core.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiMaskerTest {

    @Test
    void masksIdNumberMobileAndCard() {
        String masked = PiiMasker.mask("我的身份证是11010519491231002X，手机13812345678，卡号6222 0212 3456 7890 123");
        assertThat(masked)
                .doesNotContain("11010519491231002X").contains("110105********002X")
                .doesNotContain("13812345678").contains("138****5678")
                .doesNotContain("6222 0212 3456 7890 123").contains("**** **** **** 0123");
    }

    @Test
    void leavesStockCodesPricesAndOrdinaryTextAlone() {
        String text = "诊股 600000，收盘价10.25元，成交额123456789元";
        assertThat(PiiMasker.mask(text)).isEqualTo(text);
        assertThat(PiiMasker.mask(null)).isNull();
    }
}
