package org.finassist.core.assistant;

import org.finassist.core.classify.Spelling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customers' shorthand, slang and common typos rewritten to the wording knowledge bases use, before retrieval:
 * "咋开户" → "怎么开户", "出金" → "证券转银行 转出", after the classifier's spelling table ({@link Spelling}: 科创版 →
 * 科创板, kzz → 可转债). Only whole substrings from a short fixed list, so a correct question is never changed.
 */
final class Colloquial {

    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        // direction words first: 出金/入金 say which way the money goes, which decides the FAQ entry
        WORDS.put("出金", "证券转银行 转出");
        WORDS.put("入金", "银行转证券 转入");
        WORDS.put("提现", "证券转银行 转出");
        WORDS.put("取钱", "证券转银行 转出");
        WORDS.put("取出来", "证券转银行 转出");
        WORDS.put("充钱", "银行转证券 转入");
        WORDS.put("转出来", "证券转银行 转出");
        // moving money is said with any verb ("钱怎么弄到股票账户里"): the direction lies in 到/进/回 and the account
        for (String verb : new String[]{"弄", "放", "挪", "搬", "移", "存", "打", "汇"}) {
            for (String way : new String[]{"到", "进", "回"}) {
                WORDS.put(verb + way, "转" + way);
            }
        }
        // seen from the securities account the customer talks to: money comes in (转进来) or goes back out (转回去)
        WORDS.put("转进来", "银行转证券 转入");
        WORDS.put("转回去", "证券转银行 转出");
        WORDS.put("转到证券账户", "银行转证券 转入");
        WORDS.put("转到股票账户", "银行转证券 转入");
        WORDS.put("转进股票账户", "银行转证券 转入");
        WORDS.put("转进证券账户", "银行转证券 转入");
        WORDS.put("转到银行卡", "证券转银行 转出");
        // pinyin initials of a service the classifier's spelling table does not hold (kcb, cyb, rzrq … are there)
        WORDS.put("yzzz", "银证转账");
        WORDS.put("YZZZ", "银证转账");
        // traditional characters and common mistypes of the words a knowledge base uses
        WORDS.put("稅", "税");
        WORDS.put("証", "证");
        WORDS.put("戶", "户");
        WORDS.put("登陆", "登录");
        WORDS.put("融卷", "融券");
        // what a fee is called in chat: "开户要收钱不", "转账扣钱吗"
        WORDS.put("收不收钱", "收不收费");
        WORDS.put("收钱", "收费");
        WORDS.put("扣钱", "收费");
        WORDS.put("要钱吗", "收费吗");
        WORDS.put("要钱不", "收费吗");
        WORDS.put("挂单", "委托申报");
        WORDS.put("强平", "强制平仓");
        // asking which stock will rise is asking for a recommendation, which the knowledge base says we do not give
        WORDS.put("哪只股", "推荐哪只股");
        WORDS.put("哪支股", "推荐哪支股");
        WORDS.put("便宜点", "降低");
        WORDS.put("便宜些", "降低");
        WORDS.put("降点", "降低");
        WORDS.put("开个股票账户", "开户");
        WORDS.put("开股票户", "开户");
        WORDS.put("开个股票户", "开户");
        // a broker is a 证券公司 in the rules ("在两家券商开了户" → 在不同证券公司开立的账户)
        WORDS.put("别家", "不同证券公司");
        WORDS.put("券商", "证券公司");
        // opening one more account asks how many accounts one may hold
        WORDS.put("再开", "再开几个账户");
        // the rules say 本人 ("必须是我自己的卡" → 本人同名的借记卡)
        WORDS.put("自己", "本人");
        WORDS.put("开股票账户", "开户");
        WORDS.put("开个户", "开户");
        WORDS.put("咋", "怎么");
        WORDS.put("啥", "什么");
        WORDS.put("可转载", "可转债");
        WORDS.put("印花水", "印花税");
        // shares left over below a lot: the rules speak of 余额不足100股
        WORDS.put("零股", "余额不足100股");
        WORDS.put("零头", "余额不足100股");
        WORDS.put("碎股", "余额不足100股");
        // an account just opened: the guide says what follows 审核通过 (which services need a separate application)
        for (String opened : new String[]{"新开的户", "开好的户", "开好户", "开完户", "开好了户", "户开好了", "户刚开好"}) {
            WORDS.put(opened, "开户审核通过后");
        }
        WORDS.put("融劵", "融券");
        WORDS.put("帐", "账");
        WORDS.put("T加1", "T+1");
        WORDS.put("t+1", "T+1");
        WORDS.put("两融", "融资融券");
        WORDS.put("打新股", "新股申购");
        WORDS.put("打新债", "可转债申购");
        WORDS.put("打新", "新股申购");
        // what a risk type may buy: the rules say 可购买 ("稳健型能买哪些" → C3可购买R1至R3)
        for (String buy : new String[]{"能买哪些", "可以买哪些", "能买什么", "可以买什么"}) {
            WORDS.put(buy, "可购买哪些");
        }
        // being filmed: the guide says 全程录音录像
        WORDS.put("录下来", "录音录像");
        WORDS.put("录像吗", "录音录像吗");
    }

    private Colloquial() {
    }

    /** Product and status abbreviations typed in lower case ("etf", "*st"): knowledge bases spell them in capitals. */
    private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile(
            "(?i)(?<![A-Za-z])(etf|lof|qdii|reits|st)(?![A-Za-z])");

    /** An age under 18 ("我今年16", "十七岁"): the rules speak of 未成年人. */
    private static final java.util.regex.Pattern MINOR_AGE = java.util.regex.Pattern.compile(
            "(今年|我才?|才)\\s*(1[0-7]|十[一二三四五六七]?)(?![\\d万元块点股号月日天年个%.])|(?<!\\d)(1[0-7]|十[一二三四五六七])周?岁");
    /** A named public holiday ("国庆放假", "春节期间"): the rules speak of 法定节假日. */
    private static final java.util.regex.Pattern HOLIDAY = java.util.regex.Pattern.compile(
            "国庆|春节|过年|五一|劳动节|中秋|端午|元旦|清明");
    /** Settlement written without its plus ("t0", "T1", "t加1"): the rules write T+0, T+1. */
    private static final java.util.regex.Pattern SETTLEMENT = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9])[tT]\\s*(?:\\+|加)?\\s*([0-4])(?![0-9A-Za-z])");

    static String normalise(String text) {
        // the classifier's spelling corrections first (见正 → 见证, kzz → 可转债): one table for both readers
        String t = ClockTime.normalise(Spelling.normalise(text));
        t = ABBREVIATION.matcher(t).replaceAll(m -> m.group().toUpperCase(java.util.Locale.ROOT));
        t = SETTLEMENT.matcher(t).replaceAll("T+$1");
        if (MINOR_AGE.matcher(t).find() && !t.contains("未成年")) {
            t = t + " 未成年人";
        }
        if (HOLIDAY.matcher(t).find() && !t.contains("节假日")) {
            t = t + " 法定节假日";
        }
        for (Map.Entry<String, String> e : WORDS.entrySet()) {
            // an expansion already made ("再开" → "再开几个账户") is not made twice when a text is normalised again
            if (e.getValue().contains(e.getKey()) && t.contains(e.getValue())) continue;
            if (t.contains(e.getKey())) {
                t = t.replace(e.getKey(), e.getValue());
            }
        }
        return t;
    }
}
