package org.finassist.core.assistant;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customers' shorthand, slang and common typos rewritten to the wording knowledge bases use, before retrieval:
 * "咋开户" → "怎么开户", "科创版" → "科创板", "出金" → "证券转银行 转出". Only whole substrings from a short fixed list,
 * so a correct question is never changed.
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
        // pinyin initials customers type for boards and services (kcb 科创板, rzrq 融资融券, yzzz 银证转账)
        for (String[] p : new String[][]{{"kcb", "科创板"}, {"cyb", "创业板"}, {"bjs", "北交所"}, {"ggt", "港股通"},
                {"rzrq", "融资融券"}, {"yzzz", "银证转账"}}) {
            WORDS.put(p[0], p[1]);
            WORDS.put(p[0].toUpperCase(java.util.Locale.ROOT), p[1]);
        }
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
        WORDS.put("科创版", "科创板");
        WORDS.put("创业版", "创业板");
        WORDS.put("身分证", "身份证");
        WORDS.put("可转载", "可转债");
        WORDS.put("印花水", "印花税");
        WORDS.put("融劵", "融券");
        WORDS.put("帐", "账");
        WORDS.put("T加1", "T+1");
        WORDS.put("t+1", "T+1");
        WORDS.put("两融", "融资融券");
        WORDS.put("打新股", "新股申购");
        WORDS.put("打新债", "可转债申购");
        WORDS.put("打新", "新股申购");
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
        String t = ABBREVIATION.matcher(text).replaceAll(m -> m.group().toUpperCase(java.util.Locale.ROOT));
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
