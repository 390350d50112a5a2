package org.finassist.core.guardrail;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link GroundingContext} of a turn from the texts it may quote: retrieved passages, computed facts and
 * the customer's own words. Every number, percentage and date written in them becomes citable, so number grounding
 * can run on routes whose facts are prose rather than computed values. Citation markers ({@code [1]}), small counts
 * (steps, months: 0 to 12, and 24 for "7×24小时") and {@code T+0/T+1} are always allowed.
 */
public final class QuotedFigures {

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万亿|亿|万)?\\s*(%|％)?");
    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.])(\\d{4})\\s*年");
    // a placeholder year for "7月1日" quoted without one; only its month and day are compared
    private static final int ANY_YEAR = 2000;

    private QuotedFigures() {
    }

    public static GroundingContext from(Collection<String> texts) {
        GroundingContext.Builder b = GroundingContext.builder();
        for (int i = 0; i <= 12; i++) {
            b.number("count", i, "");
        }
        b.number("hours", 24, "");
        for (int i = 1; i <= 20; i++) {
            b.literal("[" + i + "]");
        }
        b.literal("T+0").literal("T+1").literal("T+2");
        for (String text : texts) {
            if (text != null) {
                add(b, text);
            }
        }
        return b.build();
    }

    private static void add(GroundingContext.Builder b, String text) {
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            BigDecimal value = new BigDecimal(n.group(1).replace(",", "")).multiply(scale(n.group(2)));
            b.number("quoted", value, n.group(3) == null ? "" : "%");
        }
        Matcher d = FULL_DATE.matcher(text);
        while (d.find()) {
            date(b, Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
        }
        Matcher md = MONTH_DAY.matcher(text);
        while (md.find()) {
            date(b, ANY_YEAR, Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2)));
        }
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            date(b, Integer.parseInt(y.group(1)), 1, 1);
        }
    }

    private static BigDecimal scale(String unit) {
        if (unit == null) {
            return BigDecimal.ONE;
        }
        return switch (unit) {
            case "万" -> BigDecimal.valueOf(10_000);
            case "亿" -> BigDecimal.valueOf(100_000_000);
            default -> BigDecimal.valueOf(1_000_000_000_000L);
        };
    }

    private static void date(GroundingContext.Builder b, int year, int month, int day) {
        try {
            b.date(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            // not a date ("13月"): the number is still quoted
        }
    }
}
