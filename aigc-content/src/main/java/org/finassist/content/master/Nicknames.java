package org.finassist.content.master;

import org.finassist.content.market.Symbol;

import java.util.HashMap;
import java.util.Map;

/** The curated nicknames of {@code nicknames.txt} (茅子, 宁王, 招行): nickname → symbol. */
final class Nicknames {

    static final String SHIPPED = "/org/finassist/content/master/nicknames.txt";

    private Nicknames() {
    }

    static Map<String, Symbol> shipped() {
        return parse(ShippedText.read(SHIPPED, "nickname list"));
    }

    static Map<String, Symbol> parse(String text) {
        Map<String, Symbol> out = new HashMap<>();
        for (ShippedText.Row row : ShippedText.rows(text, "nicknames", "symbol<TAB>names")) {
            Symbol symbol = Symbol.parse(row.key());
            for (String n : row.values()) {
                Symbol before = out.put(NameResolver.normalise(n), symbol);
                if (before != null && !before.equals(symbol)) {
                    throw new IllegalArgumentException("nicknames line " + row.lineNo() + ": " + n + " names two stocks");
                }
            }
        }
        return out;
    }
}
