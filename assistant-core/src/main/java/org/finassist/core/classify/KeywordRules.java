package org.finassist.core.classify;

import org.finassist.core.router.Scenario;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stock codes and key words that settle the scenario without a model. */
final class KeywordRules {

    /** A 6-digit A-share code, optionally with an exchange suffix or prefix; not part of a longer number. */
    static final Pattern STOCK_CODE = Pattern.compile("(?<![0-9])(?:(?:sh|sz|bj|SH|SZ|BJ)\\.?)?([0-9]{6})"
            + "(?:\\.(?:SH|SZ|BJ|sh|sz|bj|SS|ss))?(?![0-9])");

    private record Rule(Scenario scenario, Pattern pattern, double confidence) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Scenario.WITNESS, Pattern.compile("视频见证|见证|双录|视频认证"), 0.9),
            new Rule(Scenario.ACCOUNT_OPENING, Pattern.compile("开户|身份证|开立账户|绑定银行卡|绑卡|风险测评|风险承受|"
                    + "开通创业板|开通科创板|销户"), 0.85),
            new Rule(Scenario.COMMENTARY, Pattern.compile("复盘|盯盘|大盘|股市|今天行情|今日行情|行情怎么|市场点评|盘后点评|盘前提示"
                    + "|策略|板块异动|板块涨|涨停复盘|上证指数|深证成指|创业板指|沪深300|科创50|北证50"), 0.8),
            new Rule(Scenario.STOCK_DIAGNOSIS, Pattern.compile("诊股|诊断|技术面|走势|K线|k线|均线|MACD|macd|KDJ|RSI|支撑位|压力位"), 0.8));

    private KeywordRules() {
    }

    static Optional<String> symbol(String text) {
        Matcher m = STOCK_CODE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<Classification> apply(String text) {
        Optional<String> symbol = symbol(text);
        for (Rule r : RULES) {
            if (r.pattern.matcher(text).find()) {
                boolean diagnosisWithCode = r.scenario == Scenario.STOCK_DIAGNOSIS && symbol.isPresent();
                return Optional.of(new Classification(r.scenario, diagnosisWithCode ? 0.97 : r.confidence, "rule",
                        symbol.orElse(null)));
            }
        }
        return symbol.map(s -> new Classification(Scenario.STOCK_DIAGNOSIS, 0.75, "rule", s));
    }
}
