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
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\t");
            if (f.length != 2) {
                throw new IllegalArgumentException("nicknames line " + lineNo + ": expected symbol<TAB>names");
            }
            Symbol symbol = Symbol.parse(f[0]);
            for (String n : f[1].split("\\|")) {
                Symbol before = out.put(NameResolver.normalise(n), symbol);
                if (before != null && !before.equals(symbol)) {
                    throw new IllegalArgumentException("nicknames line " + lineNo + ": " + n + " names two stocks");
                }
            }
        }
        return out;
    }
}
