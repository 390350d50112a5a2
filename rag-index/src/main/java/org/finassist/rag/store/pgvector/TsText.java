package org.finassist.rag.store.pgvector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Literals PostgreSQL parses without normalising: a {@code tsvector} with positions and a {@code tsquery} of quoted
 * lexemes. Going through {@code to_tsvector} would run PostgreSQL's parser over the tokens and split them again.
 */
final class TsText {

    private TsText() {
    }

    static String vector(List<String> tokens) {
        Map<String, StringJoiner> positions = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            // tsvector positions are capped at 16383; later occurrences still count once each
            int pos = Math.min(i + 1, 16383);
            positions.computeIfAbsent(tokens.get(i), t -> new StringJoiner(",")).add(Integer.toString(pos));
        }
        StringJoiner out = new StringJoiner(" ");
        positions.forEach((t, p) -> out.add(quote(t) + ":" + p));
        return out.toString();
    }

    /** A tsquery matching any of {@code terms}. */
    static String anyOf(List<String> terms) {
        return query(terms, " | ");
    }

    /** A tsquery matching all of {@code terms}. */
    static String allOf(List<String> terms) {
        return query(terms, " & ");
    }

    /**
     * A tsquery matching any of {@code singles}, or any two of {@code paired}. Written as {@code a & (b | c)} rather
     * than {@code (a & b) | (a & c)}: GIN evaluates the query for every chunk of any term, and the nested form
     * short-circuits on a missing term (at 100k chunks: 13 instead of 33 ms for 10 paired terms).
     */
    static String anyOrTwoOf(List<String> singles, List<String> paired) {
        StringJoiner out = new StringJoiner(" | ");
        singles.forEach(t -> out.add(quote(t)));
        for (int i = 0; i + 1 < paired.size(); i++) {
            List<String> rest = paired.subList(i + 1, paired.size());
            String any = rest.size() == 1 ? quote(rest.getFirst()) : "(" + anyOf(rest) + ")";
            out.add("(" + quote(paired.get(i)) + " & " + any + ")");
        }
        return out.toString();
    }

    private static String query(List<String> terms, String operator) {
        StringJoiner out = new StringJoiner(operator);
        terms.stream().distinct().forEach(t -> out.add(quote(t)));
        return out.toString();
    }

    static String vector(float[] v) {
        StringBuilder b = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(',');
            b.append(v[i]); // shortest text that reads back as the same float; String.format is ~10x slower
        }
        return b.append(']').toString();
    }

    private static String quote(String token) {
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
