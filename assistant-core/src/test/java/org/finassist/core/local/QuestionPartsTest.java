package org.finassist.core.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionPartsTest {

    @Test
    void twoQuestionsInOneMessageAreTwoParts() {
        var parts = QuestionParts.of("佣金多少 印花税怎么收");
        assertThat(parts).extracting(QuestionParts.Part::asked).containsExactly("佣金多少", "印花税怎么收");
        // the second names its own thing, so it borrows no topic
        assertThat(parts.get(1).topic()).isEmpty();
    }

    @Test
    void aLaterQuestionNamingNothingBorrowsTheFirstOnesTopic() {
        var parts = QuestionParts.of("基金赎回多久到账，要手续费吗？");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).topic()).isEqualTo("基金赎回");
        assertThat(parts.get(1).withContext()).contains("基金赎回").contains("要手续费吗");
    }

    @Test
    void aStoryBeforeTheQuestionIsItsContextNotAQuestion() {
        assertThat(QuestionParts.of("我账户里剩了三十几股零股 这个能卖吗怎么卖")).isEmpty();
        var parts = QuestionParts.of("我刚开户 想问下佣金多少 印花税呢");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).context()).contains("我刚开户");
    }

    @Test
    void oneQuestionIsNoParts() {
        assertThat(QuestionParts.of("怎么把银行卡的钱转到证券账户")).isEmpty();
        assertThat(QuestionParts.of("好的 谢谢")).isEmpty();
        assertThat(QuestionParts.of("")).isEmpty();
    }
}
