package org.finassist.core.assistant;

import org.finassist.core.chat.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTest {

    private final List<Message> history = List.of(Message.user("融资融券的开通条件是什么"),
            Message.assistant("需要前20个交易日日均资产不低于50万元……"));

    @Test
    void aFollowUpIsJoinedWithThePreviousQuestion() {
        assertThat(FollowUp.retrievalQuery(history, "那手续费呢？")).isEqualTo("融资融券的开通条件是什么 那手续费呢？");
        assertThat(FollowUp.retrievalQuery(history, "利率呢")).startsWith("融资融券");
    }

    @Test
    void aStandaloneQuestionIsLeftAlone() {
        assertThat(FollowUp.retrievalQuery(history, "股票交易时间是几点？")).isEqualTo("股票交易时间是几点？");
        assertThat(FollowUp.retrievalQuery(List.of(), "那手续费呢？")).isEqualTo("那手续费呢？");
    }

    @Test
    void aReversalFollowUpTurnsEveryDirectionOfTheAnchorRound() {
        List<Message> in = List.of(Message.user("钱怎么从银行卡转到股票账户"), Message.assistant("在App“银行转证券”……"));
        String reversed = FollowUp.retrievalQuery(in, "反过来怎么操作");
        assertThat(reversed).contains("证券转银行").contains("转出").doesNotContain("银行转证券").doesNotContain("转入");
        List<Message> out = List.of(Message.user("怎么把钱从证券账户转到银行卡"), Message.assistant("在App“证券转银行”……"));
        assertThat(FollowUp.retrievalQuery(out, "那转进来呢")).contains("银行转证券").doesNotContain("证券转银行");
        assertThat(FollowUp.retrievalQuery(out, "倒过来呢")).contains("银行转证券").doesNotContain("证券转银行");
        // a reversal with no direction in the anchor changes nothing but joining
        assertThat(FollowUp.retrievalQuery(history, "反过来呢")).startsWith("融资融券的开通条件是什么");
    }
}
