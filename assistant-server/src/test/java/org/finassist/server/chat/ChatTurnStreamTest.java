package org.finassist.server.chat;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.classify.Classification;
import org.finassist.core.router.Scenario;
import org.finassist.server.support.MigratedH2;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat history writer: both sides of a turn reach {@code chat_messages} masked, including an answer that repeats
 * a personal value of the question without its label (the leak MaskingIT found: a 6-digit trading password taken for
 * a stock code and quoted back in the "no such security" answer).
 */
class ChatTurnStreamTest {

    private final JdbcClient jdbc = MigratedH2.jdbc("chat-turn-stream");
    private final ConversationStore store = new ConversationStore(jdbc);

    private List<String> storedTurn(String question, String answer) {
        String id = java.util.UUID.randomUUID().toString();
        store.create(id, null, "customer:test");
        ChatTurnStream stream = new ChatTurnStream(new ChatSse(new MockHttpServletResponse()), store, id, question,
                false);
        stream.onClassified(new Classification(Scenario.STOCK_DIAGNOSIS, 0.75, "rule", null));
        stream.onComplete(new Completion("c1", answer, null, null, "stop", null, null, "local", "local",
                new RouteTrail("diagnosis", List.of())));
        return jdbc.sql("SELECT content FROM chat_messages WHERE conversation_id = ? ORDER BY id").param(id)
                .query(String.class).list();
    }

    @Test
    void anAnswerQuotingAPasswordOfTheQuestionIsStoredMasked() {
        List<String> rows = storedTurn("我的交易密码：668899；帮我看看", "没有找到“668899.SH”对应的A股股票。请检查代码是否正确。");
        assertThat(rows).hasSize(2);
        assertThat(String.join("\n", rows)).doesNotContain("668899").contains("交易密码：******")
                .contains("没有找到“").contains("对应的A股股票");
    }

    @Test
    void echoedNumbersAreFoundHoweverTheAnswerWritesThem() {
        String answer = "您的手机 139 8765 4321 已登记，身份证１１０１０５１９４９１２３１００２Ｘ已核验，联系人王一已通知。";
        List<String> rows = storedTurn("手机13987654321，身份证11010519491231002X，联系人：王一", answer);
        String all = String.join("\n", rows);
        assertThat(all).doesNotContain("8765").doesNotContain("19491231").doesNotContain("１９４９")
                .doesNotContain("王一");
    }

    @Test
    void anAnswerWithoutPersonalDataOfTheQuestionIsStoredAsGiven() {
        String answer = "贵州茅台（600519）今日收盘价1500.00元，成交额10000元。";
        List<String> rows = storedTurn("诊断600519，我的交易密码：668899", answer);
        assertThat(rows.get(1)).isEqualTo(answer);
    }
}
