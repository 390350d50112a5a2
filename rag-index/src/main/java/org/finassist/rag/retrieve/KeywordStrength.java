package org.finassist.rag.retrieve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a keyword match alone is strong enough to consider the passages found when the vector leg's best cosine
 * is below its threshold: a short colloquial question ("股息红利税谁来扣") can embed far from the entry that names
 * every one of its terms. Strong = one retrieved passage (its text and headings) contains at least
 * {@link #MIN_TERMS} of the question's terms of two or more characters and at least {@link #MIN_SHARE} of them.
 * Set a priori; the offline picker and the model still decide whether a passage answers.
 */
final class KeywordStrength {

    static final int MIN_TERMS = 2;
    static final double MIN_SHARE = 0.6;

    private KeywordStrength() {
    }

    static boolean strong(List<String> questionTokens, List<Passage> top) {
        Set<String> terms = new LinkedHashSet<>();
        for (String t : questionTokens) {
            if (t.codePointCount(0, t.length()) >= 2) terms.add(t.toLowerCase(Locale.ROOT));
        }
        // a word's sub-word bigrams (营业部 → 营业, 业部) are the same word: counted once, as the whole word
        terms.removeIf(t -> terms.stream().anyMatch(o -> o.length() > t.length() && o.contains(t)));
        if (terms.size() < MIN_TERMS) {
            return false;
        }
        for (Passage p : top) {
            if (!p.legs().contains(Leg.KEYWORD)) continue;
            String text = text(p).toLowerCase(Locale.ROOT);
            long hits = terms.stream().filter(text::contains).count();
            if (hits >= MIN_TERMS && hits >= MIN_SHARE * terms.size()) {
                return true;
            }
        }
        return false;
    }

    /** The passage as a customer could have asked it: its text, headings and, for an FAQ entry, every phrasing. */
    private static String text(Passage p) {
        StringBuilder t = new StringBuilder(p.chunk().text()).append(' ').append(String.join(" ", p.chunk().headingPath()));
        if (p.chunk().isFaq()) {
            t.append(' ').append(p.chunk().faq().question()).append(' ').append(String.join(" ", p.chunk().faq().alternatives()));
        }
        return t.toString();
    }
}
