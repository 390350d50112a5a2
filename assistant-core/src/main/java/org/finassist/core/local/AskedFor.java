package org.finassist.core.local;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks about and asks for, so a passage that merely shares its words is not taken for the answer:
 * <ul>
 *   <li>the things it names (a board, a product, a tax): a passage that names none of the question's words for one of
 *       them is about something else ("北交所一手最少买多少股" is not answered by the rule for 主板 and 科创板,
 *       "分红什么时候到账" not by fund redemptions, "比特币怎么买" by nothing in a brokerage's knowledge base);</li>
 *   <li>the kind of figure it asks for: a clock time (几点), a time or a period (多久, 什么时候), a day (几号), an amount of money
 *       (多少钱), a limit (最多能转多少), a number of shares (一手多少股, 最少买多少): a passage without one does not answer it ("港股通几点交易" is not answered by the
 *       港股通 opening conditions).</li>
 * </ul>
 * The lists are everyday brokerage words, set a priori; they only ever turn an answer into an honest decline.
 */
final class AskedFor {

    /**
     * Things a question may name; each row is one thing with the words for it. Products and venues a brokerage's
     * knowledge base may not cover at all (期货, 比特币) are here so their absence from every passage is noticed.
     */
    private static final List<List<String>> NAMED = List.of(
            List.of("北交所", "北京证券交易所"), List.of("港股通"), List.of("科创板"), List.of("创业板"), List.of("新三板"),
            List.of("ETF"), List.of("LOF"), List.of("可转债", "转债"), List.of("逆回购"), List.of("货币基金"), List.of("QDII"),
            List.of("ST"), List.of("分红", "股息", "红利"), List.of("印花税"), List.of("过户费"), List.of("融券"),
            List.of("人脸识别", "人脸"), List.of("期货"), List.of("期权"), List.of("美股"), List.of("比特币", "数字货币", "虚拟货币"),
            List.of("外汇", "汇率"), List.of("黄金"), List.of("贷款", "房贷"),
            // a rule that only a debit card will do (本人同名的一类借记卡) answers whether a credit card will
            List.of("信用卡", "借记卡"), List.of("港股", "港股通"),
            List.of("见证"));
    /**
     * What is done or asked about the money: selling is not paying in ("新股中签了怎么卖" is not 缴款), a dividend
     * arriving is not its tax ("分红什么时候到账"); selling a fund is redeeming it ("基金买了两天就卖掉 要收多少赎回费").
     */
    private static final List<List<String>> THINGS = java.util.stream.Stream.concat(NAMED.stream(),
            // a stop-loss order sells: "跌到某个价自动卖那种" is answered by 止盈止损单
            java.util.stream.Stream.of(List.of("卖", "赎回", "止损", "止盈"), List.of("到账"))).toList();
    /** Words a question asks with, which say nothing about its topic. */
    private static final Pattern NOT_TOPIC = Pattern.compile("到账|怎么|怎样|什么|啥|哪些|哪个|多少|是否|能不能|可不可以|有没有"
            + "|要不要|是不是|吗|呢|么|嘛|[？?，,。！!]");

    private static final Pattern CLOCK_ASKED = Pattern.compile("几点|几时|哪个时间段|什么时间段");
    private static final Pattern CLOCK = Pattern.compile("\\d{1,2}[:：]\\d{2}|\\d{1,2}点");
    private static final Pattern WHEN_ASKED = Pattern.compile("多久|多长时间|多少天|几天|什么时候|啥时候|哪天|何时|有效期");
    /** A day of the month or a settlement day ("每月几号扣款"): a period ("每两周") does not name one. */
    private static final Pattern DAY_ASKED = Pattern.compile("几号|哪号");
    private static final Pattern DAY = Pattern.compile("\\d{1,2}\\s*[日号]|T\\+\\d|当[天日]|次日|下一(个)?交易日");
    private static final Pattern PERIOD = Pattern.compile("\\d{1,2}[:：]\\d{2}|T\\+\\d|\\d+\\s*(个)?(交易日|工作日|天|日|分钟|小时|年|月|周)"
            + "|当天|当日|次日|实时|下一(个)?交易日|[一二两三四五六七八九十]+(个)?(交易日|工作日|天|年|月|周|分钟|小时)"
            // a schedule ("每日计息，按季度结息") says when something is charged
            + "|每(个)?(日|天|月|季度|周|年)|按(日|天|月|季度?|年)(计|结|收|扣)");
    private static final Pattern MONEY_ASKED = Pattern.compile("多少钱|几块|多少元|收多少|扣多少|费用多少|多少资产|多少资金");
    private static final Pattern MONEY = Pattern.compile("\\d+(\\.\\d+)?\\s*(万|元|块)|[万千]分之|十万分之|\\d+(\\.\\d+)?%"
            + "|不收|免收|免征|免费|不需要|暂免");
    /** A limit ("一天最多能转多少") is an amount, never "free of charge". */
    private static final Pattern LIMIT_ASKED = Pattern.compile("最多.{0,6}(转|取|存|提|买|借)|限额|上限");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?\\s*(万|元|块|股|份)");
    private static final Pattern LOT_ASKED = Pattern.compile("多少股|几股|多少份|最少买|最低买|最少能买|起买|一手"
            // "可以卖50股吗" asks whether that many shares may be traded: a rule on quantities answers, not a tax
            + "|[买卖]\\d+股");
    private static final Pattern LOT = Pattern.compile("\\d+\\s*(股|份)");

    private static final Pattern TIME_ASKED = Pattern.compile("(?<![\\d:])(\\d{1,2}):(\\d{2})(?![\\d-至到~])");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})[:：](\\d{2})\\s*(?:-|－|至|到|~)\\s*(\\d{1,2})[:：](\\d{2})");

    /** Money into the securities account and out of it: an entry for the other way round never answers. */
    private static final Pattern MONEY_IN = Pattern.compile("银行转证券|银转证|转入|入金|(转|存|充)(到|进|入)[^，。？?]{0,4}(证券|股票|资金)(账户|帐户)");
    private static final Pattern MONEY_OUT = Pattern.compile("证券转银行|证转银|转出|出金|取钱|取出|提现|(转|取|提)(到|回|出)[^，。？?]{0,4}(银行|卡)");

    /**
     * Aspects a question may ask of a thing: its risks, its conditions, its rate, changing it, its time. A passage
     * whose own question or heading is about another aspect of the same thing does not answer ("融资融券有什么风险"
     * is not answered by the margin opening conditions, "融资融券的利率" not by its risks).
     */
    /** What it costs: a rate, a fee, a commission ("赎回会多扣钱吗" is not answered by when the money arrives). */
    private static final AspectWords COST = AspectWords.of("利率|利息|计息|费率|费用|收费|手续费|佣金|赎回费|扣费|多扣");
    private static final List<AspectWords> ASPECTS = List.of(
            AspectWords.of("风险(?!测评|承受|等级|评估|警示|揭示书)"),
            AspectWords.of("条件|门槛|资格|要求"),
            COST,
            AspectWords.of("换(?!手)|变更|修改|改(成|为|绑)|在哪改|怎么改"),
            // when something happens or takes effect: "签完协议几天能买" asks when, not how to open it. A day named
            // ("当天要不要钱") does not ask when, nor does the noun 时间 ("银证转账的时间是什么 那手续费呢"), but an
            // entry about "…的时间" is about when
            new AspectWords(Pattern.compile("多久|多长时间|多少天|几天|什么时候|啥时候|哪天|何时|几点|几时|几号|有效期|明天|次日"),
                    Pattern.compile("多久|多长时间|多少天|几天|什么时候|啥时候|哪天|何时|几点|几时|几号|有效期|明天|次日|时间")));

    /** The words by which a question asks an aspect, and those by which an entry's topic names it. */
    private record AspectWords(Pattern asked, Pattern named) {
        static AspectWords of(String regex) {
            Pattern p = Pattern.compile(regex);
            return new AspectWords(p, p);
        }
    }

    /** How a passage's own topic relates to the aspect the question asks. */
    enum Aspect { NONE, SAME, OTHER }

    private AskedFor() {
    }

    /**
     * {@link Aspect#SAME} when the topic (an entry's question and heading) names an aspect the question asks,
     * {@link Aspect#OTHER} when it names only aspects the question does not ask, else {@link Aspect#NONE}.
     */
    static Aspect aspect(String question, String topic) {
        boolean asked = false;
        boolean same = false;
        boolean other = false;
        for (AspectWords a : ASPECTS) {
            boolean q = a.asked().matcher(question).find();
            boolean t = a.named().matcher(topic).find();
            asked |= q;
            same |= q && t;
            other |= !q && t;
        }
        if (!asked) return Aspect.NONE;
        return same ? Aspect.SAME : other ? Aspect.OTHER : Aspect.NONE;
    }

    /**
     * Whether the question and an entry's own question (its phrasing and heading) move money opposite ways ("钱怎么转到
     * 股票账户" against "怎么把钱从证券账户转到银行卡"). A text naming both ways, or neither, has no direction.
     */
    static boolean oppositeWay(String question, String entryQuestion) {
        int q = way(question);
        int e = way(entryQuestion);
        return q != 0 && e != 0 && q != e;
    }

    private static int way(String text) {
        boolean in = MONEY_IN.matcher(text).find();
        boolean out = MONEY_OUT.matcher(text).find();
        return in == out ? 0 : in ? 1 : -1;
    }

    /** Whether the question names one of the things above (a board, a product, a tax), not only an aspect. */
    static boolean namesThing(String question) {
        String q = question.toUpperCase(Locale.ROOT);
        return NAMED.stream().flatMap(List::stream).anyMatch(q::contains);
    }

    /**
     * What a question is about without what it asks of it ("基金赎回多久到账" → "基金赎回"), to read a later question of
     * the same message that names no thing of its own ("要手续费吗") with it.
     */
    static String topicOf(String question) {
        String t = question;
        for (Pattern p : List.of(CLOCK_ASKED, WHEN_ASKED, DAY_ASKED, MONEY_ASKED, LIMIT_ASKED, LOT_ASKED, NOT_TOPIC)) {
            t = p.matcher(t).replaceAll(" ");
        }
        for (AspectWords a : ASPECTS) {
            t = a.asked().matcher(t).replaceAll(" ");
        }
        return t.replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether {@code text} holds a time range ("14:57-15:00", "9:15至9:20") with the moment the question names
     * ("两点五十八" read as 14:58 by the query rewriter) in it: the phase of the trading day the question is about.
     */
    static boolean holdsTimeAsked(String question, String text) {
        Matcher t = TIME_ASKED.matcher(question);
        if (!t.find()) return false;
        int asked = Integer.parseInt(t.group(1)) * 60 + Integer.parseInt(t.group(2));
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            int from = Integer.parseInt(r.group(1)) * 60 + Integer.parseInt(r.group(2));
            int to = Integer.parseInt(r.group(3)) * 60 + Integer.parseInt(r.group(4));
            if (from <= asked && asked < to) return true;
        }
        return false;
    }

    /**
     * Whether {@code sentence} holds the kind of figure the question asks for (a time, a period, an amount, a rate),
     * so the sentence that answers is shown rather than one that only shares the words.
     */
    static boolean holdsFigureAsked(String question, String sentence) {
        String q = question.toUpperCase(Locale.ROOT);
        String s = sentence.toUpperCase(Locale.ROOT);
        boolean cost = COST.asked().matcher(q).find() || MONEY_ASKED.matcher(q).find();
        return CLOCK_ASKED.matcher(q).find() && CLOCK.matcher(s).find()
                || WHEN_ASKED.matcher(q).find() && PERIOD.matcher(s).find()
                || DAY_ASKED.matcher(q).find() && DAY.matcher(s).find()
                || LIMIT_ASKED.matcher(q).find() && AMOUNT.matcher(s).find()
                || cost && MONEY.matcher(s).find()
                || holdsTimeAsked(question, sentence);
    }

    /** Whether {@code passage} (its question, answer and heading) can answer {@code question} by the rules above. */
    static boolean answerable(String question, String passage) {
        String q = question.toUpperCase(Locale.ROOT).replace("买卖", "交易"); // "ETF买卖…" asks about trading, not selling
        String p = passage.toUpperCase(Locale.ROOT);
        for (List<String> thing : THINGS) {
            if (thing.stream().anyMatch(q::contains) && thing.stream().noneMatch(p::contains)) {
                return false;
            }
        }
        if (CLOCK_ASKED.matcher(q).find() && !CLOCK.matcher(p).find()) {
            return false;
        }
        if (WHEN_ASKED.matcher(q).find() && !PERIOD.matcher(p).find()) {
            return false;
        }
        if (DAY_ASKED.matcher(q).find() && !DAY.matcher(p).find()) {
            return false;
        }
        if (LIMIT_ASKED.matcher(q).find() && !AMOUNT.matcher(p).find()) {
            return false;
        }
        // "多少钱起买" asks an amount of money, not a number of shares
        if (LOT_ASKED.matcher(q).find() && !MONEY_ASKED.matcher(q).find() && !LOT.matcher(p).find()) {
            return false;
        }
        return !MONEY_ASKED.matcher(q).find() || MONEY.matcher(p).find();
    }
}
