package org.finassist.rag.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Segments Chinese (and mixed) text into keyword tokens, in Java, identically for every store: PostgreSQL's parser
 * does not segment Chinese, so the pgvector store indexes the tokens produced here, and the Lucene store does too.
 *
 * <p>Dictionary terms are found first by forward maximum matching and kept whole; the text between them goes through
 * Lucene's SmartCN (HMM) segmenter. Every multi-character CJK word also yields its SmartCN sub-words and its
 * character bigrams ("search mode"), so that 融券 finds a passage that only says 融资融券 while the whole term still
 * scores highest. Thread-safe.
 */
public final class ChineseSegmenter {

    private final FinanceDictionary dictionary;
    private final Set<String> stopWords;
    private final boolean subwordBigrams;
    private final ThreadLocal<Analyzer> smartcn = ThreadLocal.withInitial(
            () -> new SmartChineseAnalyzer(CharArraySet.EMPTY_SET));

    public ChineseSegmenter(FinanceDictionary dictionary) {
        this(dictionary, StopWords.bundled(), true);
    }

    /**
     * @param dictionary     domain terms kept whole
     * @param stopWords      tokens dropped (normalized form)
     * @param subwordBigrams whether long CJK words also yield their character bigrams
     */
    public ChineseSegmenter(FinanceDictionary dictionary, Set<String> stopWords, boolean subwordBigrams) {
        this.dictionary = dictionary;
        this.stopWords = Set.copyOf(stopWords);
        this.subwordBigrams = subwordBigrams;
    }

    /** Tokens of {@code text} in text order; a token may repeat (term frequency matters to BM25). */
    public List<String> tokens(String text) {
        String norm = TextNormalizer.normalize(text);
        List<String> out = new ArrayList<>();
        int gapStart = 0;
        int i = 0;
        while (i < norm.length()) {
            int len = longestTermAt(norm, i);
            if (len == 0) {
                i++;
                continue;
            }
            segmentPlain(norm.substring(gapStart, i), out);
            String term = norm.substring(i, i + len);
            emit(term, out);
            subwords(term, out);
            i += len;
            gapStart = i;
        }
        segmentPlain(norm.substring(gapStart), out);
        return out;
    }

    /**
     * The text as overlapping character bigrams of its Chinese runs (a lone character as itself), other runs
     * (Latin words, codes, numbers) segmented as by {@link #tokens}: a query tokenization with other errors than the
     * segmenter's, matched against the same index (which holds every two-character word and the bigrams of longer
     * ones). Stop words are dropped.
     */
    public List<String> characterBigrams(String text) {
        String norm = TextNormalizer.normalize(text);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < norm.length()) {
            int j = i;
            boolean han = isHan(norm.codePointAt(i));
            while (j < norm.length() && isHan(norm.codePointAt(j)) == han) j += Character.charCount(norm.codePointAt(j));
            String run = norm.substring(i, j);
            if (!han) {
                segmentPlain(run, out);
            } else if (run.codePointCount(0, run.length()) == 1) {
                emit(run, out);
            } else {
                for (int k = 0; k + 1 < run.length(); k++) emit(run.substring(k, k + 2), out);
            }
            i = j;
        }
        return out;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private int longestTermAt(String text, int from) {
        int max = Math.min(dictionary.maxLength(), text.length() - from);
        for (int len = max; len >= 2; len--) {
            if (dictionary.contains(text.substring(from, from + len))) return len;
        }
        return 0;
    }

    private void segmentPlain(String text, List<String> out) {
        if (text.isBlank()) return;
        for (String word : smartcn(text)) {
            emit(word, out);
            if (subwordBigrams) bigrams(word, out);
        }
    }

    private void subwords(String term, List<String> out) {
        List<String> parts = smartcn(term);
        if (parts.size() > 1) parts.forEach(p -> emit(p, out));
        if (subwordBigrams) bigrams(term, out);
    }

    private void bigrams(String word, List<String> out) {
        if (word.length() < 3 || !isCjk(word)) return;
        for (int j = 0; j + 2 <= word.length(); j++) emit(word.substring(j, j + 2), out);
    }

    private void emit(String token, List<String> out) {
        if (token.isEmpty() || stopWords.contains(token) || !hasLetterOrDigit(token)) return;
        out.add(token);
    }

    private List<String> smartcn(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = smartcn.get().tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) words.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isCjk(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
