package org.finassist.content.market;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves what a customer types ("600000", "sh600000", "平安银行", "万科Ａ") to a symbol of a source's universe.
 * Codes win over names; names are matched exactly after removing spaces and folding full-width letters.
 */
public final class SymbolResolver {

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
