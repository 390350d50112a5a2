package org.finassist.core.guardrail;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every number in the text must match a grounded number within the text's own rounding (8.5 matches 8.52,
 * 3.31亿 matches 330,778,720) and within a relative tolerance (so "9" does not pass for 8.52); a number written
 * with {@code %} must match a percentage fact. Dates must be dates of the data. Literals (codes, index names) are
 * skipped. Signs are not compared: Chinese text says "下跌2.35%" for a fact of -2.35. Chinese numerals
 * (五日) are not checked.
 */
public final class NumberGroundingGuardrail implements Guardrail {

    public static final String NAME = "number-grounding";

    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.])(\\d{4})\\s*年");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万亿|亿|万)?\\s*(%|％)?");

    private final double relativeTolerance;

    /** Relative tolerance 1%. */
    public NumberGroundingGuardrail() {
        this(0.01);
    }

    public NumberGroundingGuardrail(double relativeTolerance) {
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in [0, 1): " + relativeTolerance);
        }
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GuardrailResult check(String text, GroundingContext context) {
        List<Violation> violations = new ArrayList<>();
        List<String> literals = context.literals().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Facts facts = Facts.of(context);
        for (String sentence : Sentences.split(text)) {
            String rest = sentence;
            for (String literal : literals) {
                rest = rest.replace(literal, " ");
            }
            rest = checkDates(sentence, rest, context, violations);
            checkNumbers(sentence, rest, facts, violations);
        }
        return new GuardrailResult(violations);
    }

    private String checkDates(String sentence, String rest, GroundingContext ctx, List<Violation> out) {
        Matcher full = FULL_DATE.matcher(rest);
        StringBuilder sb = new StringBuilder();
        while (full.find()) {
            LocalDate date = date(full.group(1), full.group(2), full.group(3));
            if (date == null || !ctx.dates().contains(date)) {
                out.add(violation("UNGROUNDED_DATE", sentence, "date '" + full.group().strip() + "' is not a data date"));
            }
            full.appendReplacement(sb, " ");
        }
        full.appendTail(sb);
        rest = sb.toString();
        rest = replaceChecked(MONTH_DAY.matcher(rest), m -> ctx.dates().stream().anyMatch(d ->
                d.getMonthValue() == Integer.parseInt(m.group(1)) && d.getDayOfMonth() == Integer.parseInt(m.group(2))),
                sentence, "UNGROUNDED_DATE", out);
        return replaceChecked(YEAR.matcher(rest), m -> ctx.dates().stream().anyMatch(d ->
                d.getYear() == Integer.parseInt(m.group(1))), sentence, "UNGROUNDED_DATE", out);
    }

    private String replaceChecked(Matcher m, java.util.function.Predicate<Matcher> ok, String sentence,
                                  String code, List<Violation> out) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            if (!ok.test(m)) {
                out.add(violation(code, sentence, "'" + m.group().strip() + "' is not a data date"));
            }
            m.appendReplacement(sb, " ");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void checkNumbers(String sentence, String rest, Facts facts, List<Violation> out) {
        Matcher m = NUMBER.matcher(rest);
        while (m.find()) {
            BigDecimal written = new BigDecimal(m.group(1).replace(",", ""));
            double value = written.doubleValue();
            double halfUlp = 0.5 * Math.pow(10, -Math.max(written.scale(), 0));
            double multiplier = multiplier(m.group(2));
            boolean percent = m.group(3) != null;
            boolean grounded = false;
            for (int i = 0; i < facts.abs.length && !grounded; i++) {
                grounded = (!percent || facts.percent[i]) && matches(value, halfUlp, facts.abs[i] / multiplier);
            }
            if (!grounded) {
                out.add(violation("UNGROUNDED_NUMBER", sentence,
                        "'" + m.group().strip() + "' matches no computed fact"));
            }
        }
    }

    /** The grounded numbers as absolute doubles, converted once per check. */
    private record Facts(double[] abs, boolean[] percent) {
        static Facts of(GroundingContext ctx) {
            List<GroundedNumber> numbers = ctx.numbers();
            double[] abs = new double[numbers.size()];
            boolean[] percent = new boolean[numbers.size()];
            for (int i = 0; i < abs.length; i++) {
                abs[i] = Math.abs(numbers.get(i).value().doubleValue());
                percent[i] = isPercent(numbers.get(i).unit());
            }
            return new Facts(abs, percent);
        }
    }

    // Doubles are exact enough here: figures up to 1e13 with a few decimals, and a 1e-9 slack absorbs the binary
    // representation (8.524999999 must still round to 8.52).
    private boolean matches(double value, double halfUlp, double candidate) {
        double diff = Math.abs(candidate - value);
        if (diff > halfUlp + 1e-9) {
            return false;
        }
        return diff <= 0.005 + 1e-12 || candidate == 0 || diff / candidate <= relativeTolerance;
    }

    private static boolean isPercent(String unit) {
        return unit.contains("%") || unit.contains("％") || unit.contains("百分");
    }

    private static double multiplier(String scale) {
        if (scale == null) {
            return 1;
        }
        return switch (scale) {
            case "万" -> 1e4;
            case "亿" -> 1e8;
            default -> 1e12;
        };
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Violation violation(String code, String sentence, String detail) {
        return new Violation(NAME, code, sentence, detail);
    }
}
