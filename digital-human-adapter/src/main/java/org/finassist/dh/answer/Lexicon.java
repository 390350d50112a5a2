package org.finassist.dh.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Word lists of the yes/no classifier; longest match wins, so "没错" and "不一定" are single tokens. */
final class Lexicon {

    enum Kind { NEGATOR, COPULA, POSITIVE, NEGATIVE_PREDICATE, WEAK_POSITIVE, HEDGE, REPEAT, QUESTION, WH_QUESTION, THIRD_PARTY,
        BOUNDARY }

    static final Map<String, Kind> WORDS = new HashMap<>();
    static final int LONGEST;

    /** ASR confusions and spoken variants, replaced before scanning. */
    static final List<Map.Entry<Pattern, String>> ALIASES = List.of(
            Map.entry(Pattern.compile("四的|事的|是滴|是得"), "是的"),
            Map.entry(Pattern.compile("对滴|对得"), "对的"),
            Map.entry(Pattern.compile("[恩摁]"), "嗯"),
            Map.entry(Pattern.compile("木有|没得|莫得|冇"), "没有"),
            Map.entry(Pattern.compile("不四"), "不是"),
            Map.entry(Pattern.compile("\\b(yes|yeah|yep)\\b"), "是"),
            Map.entry(Pattern.compile("\\b(ok|okay)\\b"), "好"),
            Map.entry(Pattern.compile("\\bno\\b"), "不"));

    /** A whole clause that is only this word is heard as the value (ASR writes 是 as 四, 事 or 市). */
    static final Map<String, String> CLAUSE_ALIASES = Map.of("四", "是", "事", "是", "市", "是", "世", "是");

    static {
        put(Kind.NEGATOR, "不", "没", "没有", "未", "别", "非", "无", "否", "并非", "从未", "从来没有", "从没");
        put(Kind.COPULA, "是", "有", "会", "能", "要", "可以", "已经", "的确", "确实");
        put(Kind.POSITIVE, "对", "确认", "确定", "好", "行", "明白", "清楚", "知道", "了解", "理解", "懂", "同意",
                "愿意", "自愿", "本人", "自己", "承诺", "认可", "当然", "肯定", "正确", "属实", "知晓", "准备好",
                "接受", "对的", "是的", "好了", "嗯对");
        put(Kind.NEGATIVE_PREDICATE, "错", "问题", "意见", "异议");
        put(Kind.WEAK_POSITIVE, "嗯", "哦", "噢");
        put(Kind.HEDGE, "应该", "可能", "大概", "也许", "好像", "似乎", "差不多", "不一定", "说不好", "不好说", "估计",
                "或许", "随便", "不太确定", "再想想", "考虑一下");
        put(Kind.REPEAT, "再说一遍", "再说一次", "再讲一遍", "再讲一次", "重复一下", "没听清", "听不清", "没听见",
                "听不见", "你说什么", "说啥");
        put(Kind.WH_QUESTION, "什么", "为什么", "怎么", "如何", "哪", "多少", "啥");
        put(Kind.QUESTION, "是不是", "能不能", "可不可以",
                "会不会", "有没有", "要不要", "对不对", "吗");
        put(Kind.THIRD_PARTY, "别人", "他人", "儿子", "女儿", "老婆", "老公", "丈夫", "妻子", "家人", "朋友", "同事",
                "中介", "经理", "工作人员", "亲戚", "父亲", "母亲", "爸", "妈", "代办");
        put(Kind.BOUNDARY, "但是", "可是", "不过", "然而", "只是");
        LONGEST = WORDS.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private Lexicon() {
    }

    private static void put(Kind kind, String... words) {
        for (String word : words) {
            WORDS.put(word, kind);
        }
    }
}
