package org.finassist.rag.eval;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which passages are near-copies of one another (the same clause printed by several insurers, differing in its
 * numbering): character-trigram Jaccard similarity of the normalised text without leading clause numbers. Used
 * only to explain evaluation figures, never to score retrieval: a question whose gold passage has a near-copy
 * cannot be told apart from it by any retriever.
 */
final class NearDuplicates {

    private final Map<String, Set<String>> trigrams = new HashMap<>();
    private final double threshold;

    NearDuplicates(Map<String, String> passages, double threshold) {
        this.threshold = threshold;
        passages.forEach((id, text) -> trigrams.put(id, trigrams(normalize(text))));
    }

    boolean similar(String a, String b) {
        if (a.equals(b)) return true;
        Set<String> x = trigrams.get(a);
        Set<String> y = trigrams.get(b);
        if (x == null || y == null || x.isEmpty() || y.isEmpty()) return false;
        int common = 0;
        for (String g : x) if (y.contains(g)) common++;
        return common / (double) (x.size() + y.size() - common) >= threshold;
    }

    private static String normalize(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return n.replaceFirst("^[0-9.、\\-()（）第条]+", "");
    }

    private static Set<String> trigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= s.length(); i++) out.add(s.substring(i, i + 3));
        return out;
    }
}
