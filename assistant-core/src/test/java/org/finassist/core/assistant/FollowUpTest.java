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
}
