package org.finassist.core.local;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmallTalkTest {

    @ParameterizedTest
    @ValueSource(strings = {"谢谢你啊 帮大忙了", "你是谁 是真人在回吗", "谢谢你呀 太感谢了", "你是真人还是机器人啊 怎么回这么快",
        "哈喽 你能帮我干点啥", "好的谢谢啦 没别的问题了", "谢啦 你真是帮了大忙", "你是谁呀 是机器人在回复吗", "感谢感谢！",
        "辛苦了", "嗯嗯 好的 谢谢您", "啊 你好呀", "你叫什么名字", "谢谢你们 就这样吧", "早上好～在么", "是人工在回复吗"})
    void thanksGreetingsAndWhoAnswersWithRunOnsAreSmallTalk(String message) {
        assertThat(SmallTalk.is(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"谢谢 那印花税多少", "谢谢你 再问下融资利率", "你好 开户要多久", "真人客服电话多少", "能做T吗",
        "在吗 我想问下佣金", "好的 那创业板呢", "帮忙看下茅台", "你能帮我查下佣金吗", "人工客服在哪", "机器人能炒股吗",
        "你是哪家券商的"})
    void aQuestionBesideThePolitenessIsNoSmallTalk(String message) {
        assertThat(SmallTalk.is(message)).as(message).isFalse();
    }

    @org.junit.jupiter.api.Test
    void onlyThanksAreAnsweredWithYouAreWelcome() {
        for (String thanks : new String[]{"谢谢你啊 帮大忙了", "好的 明白了", "谢啦", "太感谢了"}) {
            assertThat(SmallTalk.onlyThanks(thanks)).as(thanks).isTrue();
        }
        for (String other : new String[]{"你好", "您好 在吗", "你是谁 是真人在回吗", "你好 谢谢", "谢谢 那印花税多少"}) {
            assertThat(SmallTalk.onlyThanks(other)).as(other).isFalse();
        }
    }
}
