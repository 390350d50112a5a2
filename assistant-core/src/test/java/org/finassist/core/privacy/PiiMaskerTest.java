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

    @Test
    void anAnswerRepeatingAValueOfTheQuestionWithoutItsLabelIsMaskedToo() {
        String question = "交易密码：668899；邮箱 zhang.san@example.com";
        assertThat(PiiMasker.mask("没有找到“668899.SH”")).contains("668899");
        assertThat(PiiMasker.maskEchoing("没有找到“668899.SH”，已发到zhang.san@example.com", question))
                .doesNotContain("668899").doesNotContain("zhang.san").contains("没有找到“******.SH”");
        assertThat(PiiMasker.maskEchoing("600519 收盘 1500.00 元", question)).isEqualTo("600519 收盘 1500.00 元");
        assertThat(PiiMasker.maskEchoing("好的", null)).isEqualTo("好的");
    }
}
