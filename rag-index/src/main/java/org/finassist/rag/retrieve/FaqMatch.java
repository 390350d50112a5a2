package org.finassist.rag.retrieve;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a customer's question asks the same thing as an FAQ phrasing, beyond embedding similarity: bge scores
 * "怎么把银行卡的钱转到证券账户" and "怎么把钱从证券账户转到银行卡" 0.97 apart from each other. A curated answer is
 * returned as is only when the question and the phrasing agree on every axis below; otherwise the entry is just a
 * passage. An axis a text does not mention never disagrees (the FAQ "股票的涨跌幅限制是多少" covers every board).
 * <ul>
 *   <li>direction: money into or out of the securities account, buy or sell, open or close, subscribe or redeem,
 *       margin buy or short sell;</li>
 *   <li>negation: a question about something failing or not allowed ("为什么转不出来") against a how-to;</li>
 *   <li>key entities of one kind (boards, products, passwords): both name some and none in common.</li>
 * </ul>
 */
public final class FaqMatch {

    /** Two poles of one direction axis; a text leans to a pole when it matches that pole's pattern only. */
    private record Axis(Pattern a, Pattern b) {
        Pole of(String text) {
            boolean x = a.matcher(text).find();
            boolean y = b.matcher(text).find();
            return x == y ? Pole.NONE : x ? Pole.A : Pole.B;
        }
    }

    private enum Pole { A, B, NONE }

    private static final List<Axis> DIRECTIONS = List.of(
            // money: into the securities account (银行→证券) or out of it (证券→银行)
            new Axis(Pattern.compile("银行转证券|银转证|转入|入金|充钱|充值|存入|存钱|打钱进|转进|(银行|卡)[^，。？?]{0,8}(转|存|充|打)[^，。？?]{0,6}(证券|股票|资金)(账户|帐户)"
                    + "|(转|存|充|打)(到|进|入)[^，。？?]{0,4}(证券|股票|资金)(账户|帐户)"),
                    Pattern.compile("证券转银行|证转银|转出|出金|取钱|取出|提现|提款|转回|(证券|股票|资金)(账户|帐户)[^，。？?]{0,8}(转|取|提)[^，。？?]{0,6}(银行|卡)"
                            + "|(转|取|提)(到|回|出)[^，。？?]{0,4}(银行|卡)")),
            new Axis(Pattern.compile("买入|买进|申购|认购|融资买|(?<![卖])买(?!卖)"), Pattern.compile("卖出|卖掉|赎回|融券卖|(?<![买])卖(?!买)")),
            new Axis(Pattern.compile("开通|开户|开立|办理|绑定|设置|打开|激活"), Pattern.compile("关闭|取消|注销|销户|解绑|撤销|停用|关掉")),
            new Axis(Pattern.compile("融资(?!融券)"), Pattern.compile("(?<!融资)融券")),
            new Axis(Pattern.compile("涨停|上涨|(?<!跌)涨幅"), Pattern.compile("跌停|下跌|(?<!涨)跌幅")),
            new Axis(Pattern.compile("上调|提高|调高|升级"), Pattern.compile("下调|降低|调低|降级")));

    private static final Pattern NEGATIVE = Pattern.compile("不能|不可以|不让|不了|不成功|失败|无法|没成功|没到账|未到账|不到账"
            + "|转不|买不|卖不|取不|登不|进不|不上|提示错误|报错|被拒|驳回|不通过|没通过|不成交|没成交|没有成交");
    private static final Pattern ASKS_IF_ALLOWED = Pattern.compile("能不能|可不可以|是否|能否|可以吗|能吗|行吗");

    /** Entities of one kind; two texts naming different ones of a kind ask about different things. */
    private static final List<List<String>> KINDS = List.of(
            List.of("科创板", "创业板", "北交所", "北京证券交易所", "港股通", "主板", "新三板", "B股", "沪市", "深市", "退市整理"),
            List.of("可转债", "国债逆回购", "逆回购", "ETF", "LOF", "货币基金", "债券基金", "股票基金", "QDII", "基金定投", "新股", "新债",
                    "期权", "期货", "ST"),
            List.of("交易密码", "资金密码", "登录密码", "银行卡密码"),
            List.of("印花税", "佣金", "过户费", "手续费", "利息", "利率", "红利税", "分红"),
            List.of("手机号", "身份证", "银行卡", "地址", "邮箱"));

    private FaqMatch() {
    }

    /** Whether {@code question} may be answered with the entry whose phrasing is {@code phrasing}. */
    public static boolean agrees(String question, String phrasing) {
        String q = normalise(question);
        String p = normalise(phrasing);
        for (Axis axis : DIRECTIONS) {
            Pole x = axis.of(q);
            Pole y = axis.of(p);
            if (x != Pole.NONE && y != Pole.NONE && x != y) {
                return false;
            }
        }
        if (negative(q) != negative(p)) {
            return false;
        }
        for (List<String> kind : KINDS) {
            Set<Integer> a = mentioned(q, kind);
            Set<Integer> b = mentioned(p, kind);
            if (!a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains)) {
                return false;
            }
            // a narrower FAQ ("怎么开通科创板") does not answer a question about another board it does not name
            if (a.isEmpty() != b.isEmpty() && !b.isEmpty() && kind == KINDS.getFirst()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the phrasing asks the opposite or about something else named: a direction the other way round, or
     * another entity of a kind both name. Weaker than {@code !agrees}: a broader or narrower entry does not oppose.
     */
    public static boolean opposes(String question, String phrasing) {
        String q = normalise(question);
        String p = normalise(phrasing);
        for (Axis axis : DIRECTIONS) {
            Pole x = axis.of(q);
            Pole y = axis.of(p);
            if (x != Pole.NONE && y != Pole.NONE && x != y) {
                return true;
            }
        }
        for (List<String> kind : KINDS) {
            Set<Integer> a = mentioned(q, kind);
            Set<Integer> b = mentioned(p, kind);
            if (!a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains)) {
                return true;
            }
        }
        return false;
    }

    /** A complaint or "why can't I" question; "可以…吗" asks whether something is allowed, which is not negative. */
    private static boolean negative(String text) {
        String t = ASKS_IF_ALLOWED.matcher(text).replaceAll("");
        return NEGATIVE.matcher(t).find();
    }

    private static Set<Integer> mentioned(String text, List<String> kind) {
        Set<Integer> out = new java.util.HashSet<>();
        for (int i = 0; i < kind.size(); i++) {
            if (text.contains(kind.get(i).toLowerCase(java.util.Locale.ROOT))) {
                out.add(canonical(kind, i));
            }
        }
        return out;
    }

    /** Names of one thing: 北交所/北京证券交易所, 逆回购/国债逆回购, 利息/利率, 佣金/手续费. */
    private static int canonical(List<String> kind, int i) {
        String s = kind.get(i);
        return switch (s) {
            case "北京证券交易所" -> kind.indexOf("北交所");
            case "逆回购" -> kind.indexOf("国债逆回购");
            case "利率" -> kind.indexOf("利息");
            case "手续费" -> kind.indexOf("佣金");
            default -> i;
        };
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT).replace('帐', '账');
    }
}
