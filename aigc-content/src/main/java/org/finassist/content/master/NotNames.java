package org.finassist.content.master;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The words of {@code not-names.txt}: securities and assets outside the A-share master (特斯拉, 比特币) and everyday
 * words (通知, 半导体) that hold a stock's short name but name no stock.
 */
record NotNames(Set<String> outOfScope, Set<String> words) {

    static final String SHIPPED = "/org/finassist/content/master/not-names.txt";

    NotNames {
        outOfScope = Set.copyOf(outOfScope);
        words = Set.copyOf(words);
    }

    static NotNames none() {
        return new NotNames(Set.of(), Set.of());
    }

    static NotNames shipped() {
        return parse(ShippedText.read(SHIPPED, "not-names list"));
    }

    static NotNames parse(String text) {
        Set<String> outOfScope = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        String expected = "out-of-scope|word<TAB>words";
        for (ShippedText.Row row : ShippedText.rows(text, "not-names", expected)) {
            Set<String> into = switch (row.key()) {
                case "out-of-scope" -> outOfScope;
                case "word" -> words;
                default -> throw new IllegalArgumentException("not-names line " + row.lineNo() + ": expected " + expected);
            };
            row.values().forEach(w -> into.add(NameResolver.normalise(w)));
        }
        return new NotNames(outOfScope, words);
    }

    /** Every listed word, both kinds. */
    Set<String> all() {
        Set<String> out = new LinkedHashSet<>(outOfScope);
        out.addAll(words);
        return out;
    }
}
