package org.finassist.content.market;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalised A-share symbol such as {@code 600000.SH}. Parses {@code 600000}, {@code 600000.sh},
 * {@code 600000.SS}, {@code sh600000} and {@code SH600000}. A bare code means the stock (000001 is 平安银行, not
 * 上证指数); indices need their suffix ({@code 000001.SH}).
 */
public record Symbol(String code, Exchange exchange) {

    private static final Pattern SUFFIXED = Pattern.compile("(\\d{6})\\.(SH|SS|SZ|BJ)");
    private static final Pattern PREFIXED = Pattern.compile("(SH|SZ|BJ)(\\d{6})");
    private static final Pattern BARE = Pattern.compile("\\d{6}");

    public Symbol {
        Objects.requireNonNull(exchange, "exchange");
        if (code == null || !BARE.matcher(code).matches()) {
            throw new IllegalArgumentException("A symbol code has six digits: " + code);
        }
    }

    /** Parses a symbol; throws {@link IllegalArgumentException} with the input when it is not one. */
    public static Symbol parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("Not an A-share symbol: " + text));
    }

    public static Optional<Symbol> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        Matcher m = SUFFIXED.matcher(s);
        if (m.matches()) {
            return Optional.of(new Symbol(m.group(1), exchange(m.group(2))));
        }
        m = PREFIXED.matcher(s);
        if (m.matches()) {
            return Optional.of(new Symbol(m.group(2), exchange(m.group(1))));
        }
        return BARE.matcher(s).matches() ? inferExchange(s).map(ex -> new Symbol(s, ex)) : Optional.empty();
    }

    private static Exchange exchange(String suffix) {
        return "SS".equals(suffix) ? Exchange.SH : Exchange.valueOf(suffix);
    }

    // Code ranges of stocks (and funds) on each exchange; 920xxx is the BSE's new range.
    private static Optional<Exchange> inferExchange(String code) {
        if (code.startsWith("92") || code.startsWith("8") || code.startsWith("4")) {
            return Optional.of(Exchange.BJ);
        }
        return switch (code.charAt(0)) {
            case '6', '5', '9' -> Optional.of(Exchange.SH);
            case '0', '1', '2', '3' -> Optional.of(Exchange.SZ);
            default -> Optional.empty();
        };
    }

    public Board board() {
        return Board.of(this);
    }

    @Override
    public String toString() {
        return code + "." + exchange;
    }
}
