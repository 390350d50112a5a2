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
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\t");
            Set<String> into = f.length != 2 ? null : switch (f[0]) {
                case "out-of-scope" -> outOfScope;
                case "word" -> words;
                default -> null;
            };
            if (into == null) {
                throw new IllegalArgumentException("not-names line " + lineNo + ": expected out-of-scope|word<TAB>words");
            }
            for (String w : f[1].split("\\|")) {
                if (!w.isBlank()) {
                    into.add(NameResolver.normalise(w));
                }
            }
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
