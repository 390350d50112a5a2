package org.finassist.core.guardrail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an answer shown to a retail customer: no buy/sell/hold call, no promised or guaranteed return, no price
 * target or certain prediction, no inside information or rumour, no urging to act now. Rules are data
 * ({@code customer-answer-rules.txt}); a match is ignored when the words just before it in the same clause negate
 * it ("不建议买入", "我们不承诺收益", "谨防所谓内幕消息"), because a compliant refusal names what it refuses.
 */
public final class CustomerComplianceGuardrail implements Guardrail {

    public static final String NAME = "customer-compliance";
    public static final String DEFAULT_RESOURCE = "org/finassist/core/guardrail/customer-answer-rules.txt";

    private static final int NEGATION_WINDOW = 12;
    private static final Pattern NEGATOR = Pattern.compile(
            "不|没|无法|未|勿|别|非|禁止|严禁|杜绝|警惕|谨防|防范|提防|小心|拒绝|所谓|宣称|号称|声称|谎称|冒充|骗|打破|破除|取消"
                    // a question embedded in the answer ("是否值得买入，我无法判断") claims nothing
                    + "|是否|能否|要不要|该不该|可不可以");
    // words that contain a negator character but do not negate what follows ("不要犹豫，立即买入" is not a refusal)
    private static final Pattern NOT_A_NEGATION = Pattern.compile(
            "不用|不必|别犹豫|不要犹豫|不犹豫|别错过|不要错过|不容错过|别等|不要等|别怕|不要怕|不怕|不得不|毫不|不少|不断|不错"
                    + "|不仅|没关系|不管|无论|未来|非常|别人|不妨|要不|不久|不然");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,：:；;。！!？?]");

    private final List<Rule> rules;

    /** {@code gapNegates}: the rule joins a trigger and an action across a gap that may itself negate ("建议您不要买入"). */
    private record Rule(String code, Pattern pattern, boolean gapNegates) {
    }

    public CustomerComplianceGuardrail() {
        this(PhraseList.load(DEFAULT_RESOURCE));
    }

    /** {@code rules}: each entry's phrase is a regular expression. */
    public CustomerComplianceGuardrail(PhraseList rules) {
        this.rules = rules.entries().stream().map(e -> new Rule(e.code().replace("~", ""), Pattern.compile(e.phrase()),
                e.code().endsWith("~"))).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GuardrailResult check(String text, GroundingContext context) {
        List<Violation> violations = new ArrayList<>();
        for (String sentence : Sentences.split(text)) {
            String compact = sentence.replaceAll("\\s+", "").replace('％', '%').toLowerCase(java.util.Locale.ROOT);
            for (Rule rule : rules) {
                Matcher m = rule.pattern().matcher(compact);
                while (m.find()) {
                    if (!negated(compact, m.start()) && !(rule.gapNegates() && negatesInside(m.group()))) {
                        violations.add(new Violation(NAME, rule.code(), sentence, "matches '" + m.group() + "'"));
                        break;
                    }
                }
            }
        }
        return new GuardrailResult(violations);
    }

    /** Whether the gap of a two-part match negates it: "建议您不要买入", "这只股票是否值得买入". */
    static boolean negatesInside(String match) {
        return NEGATOR.matcher(NOT_A_NEGATION.matcher(match).replaceAll("")).find();
    }

    /** Whether the clause before {@code start} (at most {@value #NEGATION_WINDOW} characters) negates the match. */
    static boolean negated(String compact, int start) {
        int from = start;
        while (from > 0 && start - from < NEGATION_WINDOW && !CLAUSE_END.matcher(compact.substring(from - 1, from)).matches()) {
            from--;
        }
        String before = NOT_A_NEGATION.matcher(compact.substring(from, start)).replaceAll("");
        return NEGATOR.matcher(before).find();
    }
}
