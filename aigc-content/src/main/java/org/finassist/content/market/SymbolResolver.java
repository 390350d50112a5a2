package org.finassist.content.market;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves what a customer types ("600000", "sh600000", "平安银行", "万科Ａ") to a symbol of a source's universe.
 * Codes win over names; names are matched exactly after removing spaces and folding full-width letters.
 */
public final class SymbolResolver {

    private static final java.util.regex.Pattern CODE_IN_TEXT = java.util.regex.Pattern.compile(
            "(?i)(?<![0-9A-Z])(?:(?:SH|SZ|BJ)\\d{6}|\\d{6}(?:\\.(?:SH|SS|SZ|BJ))?)(?![0-9])");

    private final MarketDataSource source;
    private final Map<String, Symbol> byName = new HashMap<>();

    public SymbolResolver(MarketDataSource source) {
        this.source = source;
        for (SecurityInfo s : source.securities()) {
            byName.putIfAbsent(normalise(s.name()), s.symbol());
        }
    }

    public Optional<Symbol> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Symbol> parsed = Symbol.tryParse(text);
        if (parsed.isPresent()) {
            return parsed;
        }
        return Optional.ofNullable(byName.get(normalise(text)));
    }

    /**
     * Finds a stock mentioned in free text ("诊股 600000", "帮我看看平安银行"): a code first, else the longest
     * name of the universe contained in the text.
     */
    public Optional<Symbol> findIn(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = CODE_IN_TEXT.matcher(text);
        while (m.find()) {
            Optional<Symbol> s = Symbol.tryParse(m.group());
            if (s.isPresent()) {
                return s;
            }
        }
        String normalised = normalise(text);
        return byName.entrySet().stream()
                .filter(e -> e.getKey().length() >= 2 && normalised.contains(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** Whether the source has data for {@code symbol}. */
    public boolean known(Symbol symbol) {
        return source.security(symbol).isPresent();
    }

    static String normalise(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.strip().toCharArray()) {
            if (Character.isWhitespace(c) || c == '\u3000') {
                continue;
            }
            sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
