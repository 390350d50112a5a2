package org.finassist.core.local;

import java.util.regex.Pattern;

/**
 * Small talk the offline model answers with its introduction instead of declining: a message made only of
 * greetings, thanks, questions about who answers or what the assistant can do, and closing words, in any order and
 * number, with fillers, particles and punctuation between them ("谢谢你啊 帮大忙了", "你是谁 是真人在回吗",
 * "哈喽 你能帮我干点啥"). The whole message must be small talk: "谢谢 那印花税多少" asks a question and is not.
 */
final class SmallTalk {

    private static final String HELLO = "你好|您好|在吗|在么|在嘛|在不在|有人吗|有人在吗|hi|hello|嗨|哈喽|哈啰|嘿"
            + "|早上好|早安|中午好|下午好|晚上好|晚安|再见|拜拜";

    // "太感谢了", "谢谢你们", "感谢感谢", "谢了"; a degree word may lead
    private static final String THANKS = "(?:太|非常|十分|真是|真的|万分|实在|真)?(?:谢谢|谢啦|谢了|多谢|感谢|thx|thanks)"
            + "(?:你们|你|您|大家)?(?:了|啦)?"
            // "帮大忙了", "你真是帮了大忙", "辛苦了", "你真厉害"
            + "|你?(?:真是|真的|真|可|是)?帮(?:了|到)?我?(?:一个|个)?大忙了?|辛苦(?:你|您|你们)?了"
            + "|你?(?:真|太|好|很|挺)(?:棒|厉害|好用|聪明|专业)(?:了)?|学到了";

    // "你是谁", "是真人在回吗", "机器人在回复吗", "怎么回这么快", "你是真人还是机器人", "你叫什么名字"
    private static final String WHO = "你是谁|你叫(?:什么|啥)(?:名字)?"
            + "|你?(?:是不是|是)(?:机器人|真人|人工|ai|机器)|(?:机器人|真人)吗|你?是?(?:真人|人工)还是(?:机器人|ai|机器)"
            + "|你?是?(?:机器人|ai|机器)还是(?:真人|人工)"
            + "|你?(?:是不是|是)?(?:真人|机器人|人工|ai|机器|客服|人)在?(?:回复?|回答|答复|聊天?|打字)(?:我)?(?:的)?"
            + "|(?:怎么|咋)?回(?:得|的)?(?:这么|那么|好)快";

    // what the assistant can do ("你能帮我干啥", "你都会些什么", "你有啥功能", "你是干嘛的")
    private static final String CAN_DO = "你?(?:都|还)?(?:能|会|可以)(?:帮我|为我|给我)?(?:干|做|办|弄)?(?:点|些)?(?:啥|什么|哪些|嘛)"
            + "(?:事情?|业务|忙)?|你?有(?:啥|什么|哪些)(?:用|功能|本事)|你是干(?:啥|什么|嘛)的";

    // a conversation closing ("好的 明白了", "没别的问题了", "就这样吧")
    private static final String CLOSING = "好的|好嘞|明白了|知道了|懂了|搞定了|解决了|没事了|没问题了|ok|收到|嗯嗯"
            + "|没(?:有)?(?:别的|其他|其它|啥|什么)(?:问题|事|事情)?了|就这样吧?";

    private static final Pattern PATTERN = Pattern.compile("[嗯哦噢额呃啊哈 ]*(?:(?:" + String.join("|", HELLO, THANKS, WHO,
            CAN_DO, CLOSING) + ")[啊呀呢吗嘛么吧哈啦哦噢～~！!。.，,、…？? ]*)+", Pattern.CASE_INSENSITIVE);

    private SmallTalk() {
    }

    private static final Pattern THANKED = Pattern.compile(THANKS + "|" + CLOSING, Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETED = Pattern.compile(HELLO + "|" + WHO + "|" + CAN_DO, Pattern.CASE_INSENSITIVE);

    /** Whether the whole message is small talk. */
    static boolean is(String message) {
        return message != null && PATTERN.matcher(message.strip()).matches();
    }

    /**
     * Whether small talk only thanks or closes the conversation ("谢谢你啊 帮大忙了", "好的 明白了"): it is answered with
     * "不客气", not with an introduction; a greeting ("你好") is never answered with "不客气".
     */
    static boolean onlyThanks(String message) {
        return is(message) && THANKED.matcher(message).find() && !GREETED.matcher(message).find();
    }
}
