package org.finassist.dh.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Word lists of the yes/no classifier; longest match wins, so "没错" and "不一定" are single tokens. */
final class Lexicon {

    enum Kind { NEGATOR, COPULA, POSITIVE, NEGATIVE_PREDICATE, NEGATIVE_ANSWER, WEAK_POSITIVE, INTENSIFIER, PARTICLE,
        HEDGE, REPEAT, REFUSAL, QUESTION, WH_QUESTION, THIRD_PARTY, BOUNDARY }

    static final Map<String, Kind> WORDS = new HashMap<>();
    static final int LONGEST;

    /**
     * ASR confusions, dialect and spoken variants, replaced before scanning. Order matters: longer forms first.
     * Dialect: Cantonese 系/唔/冇/嘅/明白晒, Wu 勿/额, Sichuan 晓得/要得/莫得/不得, Northeast 嗯呐/没毛病/可不.
     */
    static final List<Map.Entry<Pattern, String>> ALIASES = List.of(
            Map.entry(Pattern.compile("四的|事的|市的|是滴|是得|是嘞|是哒|是额|是噻|系啊|系呀"), "是的"),
            Map.entry(Pattern.compile("(?<![关联体维])系(?![统列])"), "是"),
            Map.entry(Pattern.compile("唔"), "不"),
            Map.entry(Pattern.compile("勿"), "不"),
            Map.entry(Pattern.compile("不晓得"), "不知道"),
            Map.entry(Pattern.compile("晓得"), "知道"),
            Map.entry(Pattern.compile("知到"), "知道"),
            Map.entry(Pattern.compile("名白|明白晒"), "明白"),
            Map.entry(Pattern.compile("自原|志愿"), "自愿"),
            Map.entry(Pattern.compile("本任"), "本人"),
            Map.entry(Pattern.compile("对滴|对得|对头|对额|可不是|可不咋地|可不"), "对的"),
            Map.entry(Pattern.compile("没毛病"), "没问题"),
            Map.entry(Pattern.compile("嗯呐|嗯哪"), "嗯"),
            Map.entry(Pattern.compile("要得|得嘞|好嘞|搞掂|搞定|号了|好乐|好咧|好咯"), "好了"),
            Map.entry(Pattern.compile("[恩摁]"), "嗯"),
            Map.entry(Pattern.compile("木有|没得|莫得|冇|美有|每有|梅有|眉有"), "没有"),
            Map.entry(Pattern.compile("不四"), "不是"),
            Map.entry(Pattern.compile("不回|布会|不灰|(?<!记)不得(?!不)"), "不会"),
            Map.entry(Pattern.compile("\\b(yes|yeah|yep)\\b"), "是"),
            Map.entry(Pattern.compile("\\b(ok|okay)\\b"), "好"),
            Map.entry(Pattern.compile("\\bno\\b"), "不"));

    /**
     * What the question itself says about risk, echoed back inside an answer (知道可能会损失本金, 不保本): content,
     * not the customer's own hedge or negation, so it is removed before the answer is scanned.
     */
    static final Pattern ECHOED_CONTENT = Pattern.compile(
            "(有|也|甚至|最多)?(可能|也许|说不定|不一定)(会|能)?(导致|造成|出现|有|还会|能)?(本金)?"
                    + "(损失|亏损|亏本|亏钱|亏光|亏完|亏掉|亏|赔钱|赔|跌|蚀本|蚀|赚)"
                    + "|不一定(能)?赚钱|不保本|不保证收益|不是稳赚|不能承诺收益|不保证|有亏有赚|有涨有跌");

    /** A whole clause that is only this word is heard as the value (ASR writes 是 as 四, 事 or 市). */
    static final Map<String, String> CLAUSE_ALIASES = Map.of("四", "是", "事", "是", "市", "是", "世", "是",
            "中", "好", "得了", "好了", "中了", "好了", "中嘞", "好了", "妥了", "好了", "妥", "好");

    static {
        put(Kind.NEGATOR, "不", "没", "没有", "未", "别", "非", "无", "否", "并非", "从未", "从来没有", "从没", "绝不");
        put(Kind.COPULA, "是", "有", "会", "能", "要", "可以", "已经");
        // 肯定的 is a yes, 肯定不会 a no: an intensifier answers only when nothing else in the clause does
        put(Kind.INTENSIFIER, "肯定", "当然", "绝对", "的确", "确实", "真的", "那必须");
        put(Kind.PARTICLE, "的", "了", "啊", "呀", "吧", "呢", "哦", "嘛", "啦", "哈", "滴", "嘞", "额", "咧", "哒", "噻");
        put(Kind.POSITIVE, "对", "确认", "确定", "好", "行", "明白", "清楚", "知道", "了解", "理解", "懂", "同意",
                "愿意", "自愿", "本人", "自己", "承诺", "认可", "正确", "属实", "知晓", "准备好",
                "接受", "对的", "是的", "好了", "嗯对", "阅读", "看过", "看了", "读过", "读了", "放好", "对准", "拿好");
        put(Kind.NEGATIVE_PREDICATE, "错", "问题", "意见", "异议");
        put(Kind.NEGATIVE_ANSWER, "不可能");
        put(Kind.WEAK_POSITIVE, "嗯", "噢");
        put(Kind.REFUSAL, "不想回答", "不想说", "不方便说", "不关你的事", "无可奉告", "不告诉你", "你管我", "管不着",
                "关你什么事", "关你啥事", "不关你事", "是我的事");
        put(Kind.HEDGE, "应该", "可能", "大概", "也许", "好像", "似乎", "差不多", "不一定", "说不好", "不好说", "估计",
                "或许", "随便", "不太确定", "再想想", "考虑一下", "看情况", "算是", "记不清", "不记得", "记不得", "记不太清",
                "不太记得", "想不起来");
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
