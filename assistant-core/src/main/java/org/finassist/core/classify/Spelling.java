package org.finassist.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the scenario words a customer misspells the way the keyword rules and examples know them, before
 * classification: a homophone typo (开护, 开互 → 开户; 见正 → 见证; 身分证 → 身份证; 创业版 → 创业板), the word typed in
 * pinyin (kaihu, kai hu → 开户) and, for the terms marked so, its pinyin initials (cyb → 创业板, dp → 大盘).
 * <p>
 * The terms and their readings are {@code spelling-terms.tsv} next to this class (term, flags, pinyin, and for each
 * character of the term every character sharing its reading); the readings are generated from pinyin4j by a test,
 * so the library is not needed at run time. A homophone window must keep at least one character of the term as
 * typed: two homophones together ("凯湖") are another word, not a typo.
 * <p>
 * Retrieval reads the same corrections (the local query rewriter applies them before its own wording table), so a
 * word the classifier reads right is searched right too ("见正" → 见证, "kzz" → 可转债): one table, not two.
 */
public final class Spelling {

    /** One term: its characters' homophone sets (index = position), or empty when homophones are not tolerated. */
    record Term(String term, List<Set<Integer>> homophones, Pattern latin) {
    }

    private static final List<Term> TERMS = load("spelling-terms.tsv");

    private Spelling() {
    }

    /** The text with every misspelt term of the table written as the term; other text is left as typed. */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = text;
        for (Term term : TERMS) {
            if (term.latin() != null) {
                Matcher m = term.latin().matcher(t);
                t = m.find() ? m.replaceAll(term.term()) : t;
            }
            if (!term.homophones().isEmpty()) {
                t = replaceHomophones(t, term);
            }
        }
        return t;
    }

    private static String replaceHomophones(String text, Term term) {
        int n = term.term().length();
        if (text.length() < n) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + n <= text.length() && isTypoOf(text, i, term)) {
                out.append(term.term());
                i += n;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isTypoOf(String text, int from, Term term) {
        int same = 0;
        for (int k = 0; k < term.term().length(); k++) {
            char c = text.charAt(from + k);
            if (c == term.term().charAt(k)) {
                same++;
            } else if (!term.homophones().get(k).contains((int) c)) {
                return false;
            }
        }
        return same >= 1;
    }

    static List<Term> load(String resource) {
        try (InputStream in = Spelling.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/finassist/core/classify/" + resource);
            }
            List<Term> terms = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                terms.add(parse(line.split("\t", -1)));
            }
            return List.copyOf(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns: term, flags (fuzzy, initials, pinyin; comma-separated), pinyin syllables, homophone sets by '|'. */
    private static Term parse(String[] cols) {
        String term = cols[0];
        Set<String> flags = Set.of(cols[1].split(","));
        String[] syllables = cols[2].split(" ");
        List<String> alternatives = new ArrayList<>();
        if (flags.contains("pinyin")) {
            alternatives.add(String.join("\\s?", syllables));
        }
        if (flags.contains("initials")) {
            alternatives.add(java.util.Arrays.stream(syllables).map(s -> s.substring(0, 1)).collect(Collectors.joining()));
        }
        Pattern latin = alternatives.isEmpty() ? null : Pattern.compile(
                "(?i)(?<![a-z])(?:" + String.join("|", alternatives) + ")(?![a-z])");
        List<Set<Integer>> homophones = !flags.contains("fuzzy") ? List.of()
                : java.util.Arrays.stream(cols[3].split("\\|"))
                .map(s -> s.codePoints().boxed().collect(Collectors.toUnmodifiableSet())).toList();
        if (!homophones.isEmpty() && homophones.size() != term.length()) {
            throw new IllegalStateException("spelling-terms.tsv: " + term + " needs one homophone set per character");
        }
        return new Term(term, homophones, latin);
    }
}
