package org.finassist.dh.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds risk admissions in an answer, clause by clause, with negation scope: a pattern counts unless a negator
 * stands before its verb in the same clause (不会借给别人, 没人教我这么说). A rhetorical 不是…吗 (不是说保本的吗) is
 * not a negation. Patterns are written against {@link AnswerClassifier#normalized} text (dialect already mapped).
 */
final class RiskAdmissions {

    /** Other people, as customers name them. */
    private static final String THIRD = "(?:别人|他人|有人|某人|儿子|女儿|孙子|孙女|老婆|老公|丈夫|妻子|媳妇|家人|朋友|同事|同学"
            + "|中介|经理|顾问|老师|业务员|工作人员|营业部|亲戚|父亲|母亲|爸爸|妈妈|我爸|我妈|哥哥|弟弟|姐姐|妹妹|我哥|我弟|我姐"
            + "|我妹|表弟|表哥|表姐|表妹|侄子|侄女|外甥|老板|领导|单位|男朋友|女朋友|哥们|他们|他|她|佢|代办|小王|专业的"
            + "|家里人|闺女|小姑娘|小伙子|营业厅|柜台|客服|理财师)";
    /** Up to {@code n} characters of one clause, none of them 教: being taught (女儿教我用的APP) is not handing over. */
    private static String gap(int n) {
        return "(?:(?!教)[^，]){0," + n + "}";
    }

    private record Rule(Risk risk, Pattern pattern, boolean understandingOnly) {

        /** In a question (借给家里人算吗？) only a belief counts: 不是说保本的吗, 还会亏本金？ */
        boolean countsInQuestion() {
            return risk == Risk.PROMISED_RETURNS || risk == Risk.NOT_UNDERSTOOD;
        }
    }

    /** Each pattern names its verb as group {@code v}: negators before it cancel the admission. */
    private static final List<Rule> RULES = List.of(
            rule(Risk.LENDING, "(?<v>借|租|转让|转|卖|出借|出租)给"),
            rule(Risk.LENDING, "(?<v>出借|出租|转让)"),
            rule(Risk.LENDING, "给[^，]{0,3}" + THIRD + "[^，]{0,3}(?<v>用|炒|操作)"),
            rule(Risk.LENDING, THIRD + gap(3) + "(?<v>要用|想用|用一下|用用|用$|用我|用的)"),
            rule(Risk.LENDING, "密码[^，]{0,2}?(?<v>给|告诉|交给)"),
            rule(Risk.LENDING, "(?<v>用|租)我的(账户|帐户|账号)"),
            rule(Risk.LENDING, "(?<v>开)(了|完)给"),
            rule(Risk.PROMISED_RETURNS, "(说|讲|承诺|答应|话)[^，]{0,3}(?<v>保证)"),
            rule(Risk.PROMISED_RETURNS, "(?<v>保证)(收益|赚|有钱|不亏|回报|盈利|一年|我一年|每年)"),
            rule(Risk.PROMISED_RETURNS, "(?<v>保本|保底|保息|稳赚|包赚|只赚不赔|翻倍|内部消息|牛股|年化|年收益)"),
            rule(Risk.PROMISED_RETURNS, "(一年|每年)[^，]{0,2}(?<v>赚|收益|百分之)"),
            rule(Risk.PROMISED_RETURNS, "(?<v>说|讲|承诺|答应)[^，]{0,4}(不会亏|没风险|没有风险|不亏)"),
            rule(Risk.PROMISED_RETURNS, "亏了[^，]{0,4}(?<v>算|补|赔|包)"),
            rule(Risk.PROMISED_RETURNS, "(?<v>跟着|带我)[^，]{0,2}(买|炒|赚)"),
            rule(Risk.PROMISED_RETURNS, "(?<v>肯定|一定|绝对|保准|准能)(能|会|可以)?(赚|涨|盈利|挣|不亏|不赔)"),
            rule(Risk.OPERATED_BY_OTHERS, "(?<v>帮|替|代)我?(炒|操作|打理|买卖|买|管理|理财|盯|看着|设)"),
            rule(Risk.OPERATED_BY_OTHERS, THIRD + gap(4) + "(?<v>设|操作|炒|买卖|看着|打理|弄|帮我$)"),
            rule(Risk.COACHED, "(?<v>教|让|叫|要)我(这么|这样|照着|怎么)?(说|回答|答)"),
            rule(Risk.COACHED, "(?<v>照着说|按是回答|回答是就行|说是就行|说是就可以|说是就是)"),
            rule(Risk.COACHED, "(?<v>有人)(教|让|叫|给)"),
            rule(Risk.COACHED, "(?<v>拉来|拉过来|被拉)"),
            rule(Risk.COACHED, "(?<v>给)了?我?[^，]{0,4}(块|元|钱)"),
            // being told to read the disclosure carefully (工作人员让我仔细读了一遍) is what staff should do
            rule(Risk.COACHED, THIRD + "[^，]{0,3}(?<v>让|叫|非让|要求|安排|逼)(?!我?(仔细|认真|好好|看|读|阅读))"),
            rule(Risk.PROXY, "(?<v>替|帮)[^，]{0,6}(开|办)"),
            rule(Risk.PROXY, THIRD + "的(?<v>身份证)"),
            rule(Risk.PROXY, "(?<v>身份证)是[^，]{0,3}" + THIRD + "的"),
            understanding("(看|读|搞|弄)?(?<v>不|没)(太|是很|怎么|大)?(懂|明白|理解|了解|清楚|知道)"),
            understanding("(?<v>没|没有|不想)(仔细|怎么|细|太)?(看|读)"),
            understanding("(?<v>随便|直接|反正)[^，]{0,2}(点|签)"),
            understanding("(?<v>点|签)[^，]{0,5}就(行|好|可以)"),
            understanding("(?<v>看不清|不认识|直接点的同意|给我讲讲|第一次听说|还会亏|说是就是)"));

    /** Talk about the rules or a hypothetical (出借账户是违规的), not an admission. */
    private static final Pattern RULE_TALK = Pattern.compile("违规|违法|不行|不允许|不可以|不能|出了问题|担着");
    private static final Pattern CONTRAST = Pattern.compile("^(但是|可是|不过|只是|就是|主要|就说|只说)");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("(?=但是|可是|不过)");
    /** Words that start with a negator but do not negate (没错, 不过) and are removed before the scope check. */
    private static final Pattern NOT_NEGATORS = Pattern.compile("没错|没问题|不错|不然|不管|不少|不一定|不好意思|不过|别人|非让|无论");
    private static final Pattern WH = Pattern.compile("什么|怎么|啥|哪|为什么");
    private static final Pattern NEGATOR = Pattern.compile("[不没别未无非否莫]");

    private RiskAdmissions() {
    }

    /**
     * The first risk admitted in {@code normalized}. After the expected "no" to a deny question, later clauses
     * are the customer's elaboration (不会，借给别人出了问题还得我担着) unless a contrast opens them (但是我女儿会用).
     */
    static Optional<Risk> find(String normalized, QuestionKind kind, Verdict verdict) {
        boolean expectedDenial = kind == QuestionKind.DENY && verdict == Verdict.NEGATIVE;
        boolean contrast = false;
        List<String> clauses = clauses(normalized);
        for (int i = 0; i < clauses.size(); i++) {
            String clause = clauses.get(i);
            contrast |= CONTRAST.matcher(clause).find();
            if (expectedDenial && i > 0 && !contrast || RULE_TALK.matcher(clause).find()) {
                continue;
            }
            Optional<Risk> risk = inClause(clause, kind);
            if (risk.isPresent()) {
                return risk;
            }
        }
        return Optional.empty();
    }

    private static List<String> clauses(String normalized) {
        List<String> out = new ArrayList<>();
        for (String clause : AnswerClassifier.clauses(normalized)) {
            for (String part : CLAUSE_BREAK.split(clause)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static Optional<Risk> inClause(String clause, QuestionKind kind) {
        boolean rhetorical = clause.endsWith("吗") || clause.endsWith("吧");
        boolean question = clause.endsWith("吗") || WH.matcher(clause).find();
        for (Rule rule : RULES) {
            if (rule.understandingOnly() && kind != QuestionKind.UNDERSTAND || question && !rule.countsInQuestion()) {
                continue;
            }
            Matcher m = rule.pattern().matcher(clause);
            while (m.find()) {
                if (!negated(clause.substring(0, m.start("v")), rhetorical)) {
                    return Optional.of(rule.risk());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean negated(String before, boolean rhetorical) {
        String prefix = NOT_NEGATORS.matcher(before).replaceAll("");
        if (rhetorical) {
            prefix = prefix.replace("不是", "");
        }
        return NEGATOR.matcher(prefix).find();
    }

    private static Rule rule(Risk risk, String regex) {
        return new Rule(risk, Pattern.compile(regex), false);
    }

    private static Rule understanding(String regex) {
        return new Rule(Risk.NOT_UNDERSTOOD, Pattern.compile(regex), true);
    }
}
