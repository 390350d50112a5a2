package org.finassist.content.master;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the words of a sentence begin and end, by Lucene's smartcn segmentation (a dictionary and an HMM; no model
 * file). A stock's short name that cuts a word in two ("会通" of 会/通知我, "天下" of 明天/下雨, "锂电" of 锂/电池) is
 * part of other words, not a name; so is one that starts with the measure word of a number before it ("天能" of
 * 一/天/能涨). An unknown name is split into single characters, which no span cuts: the guard
 * only ever removes a match, never invents one.
 */
final class WordBoundaries {

    private static final Pattern NUMBER = Pattern.compile("[0-9一二三四五六七八九十两几半每第零百千万]+");
    /** Measure and time words a number takes (一天, 两年, 三次, 一手, 五块). */
    private static final String MEASURE = "天年月日周次个手股只点块元分秒倍成期届";

    private WordBoundaries() {
    }

    /** Whether {@code [start, end)} begins or ends strictly inside a word of several characters. */
    static boolean cuts(String text, int start, int end) {
        List<int[]> words = words(text);
        for (int[] w : words) {
            if ((w[0] < start && start < w[1]) || (w[0] < end && end < w[1])) {
                return true;
            }
        }
        return gluedToTheWordBefore(text, start, words);
    }

    /**
     * Whether the span's first character is the measure word of a number before it, a word smartcn always splits:
     * 一/天 of 一天能涨, 第二/天 of 第二天能卖, 两/年 of 两年能翻倍. "天能" of 一天能涨 is then no name, while "天能"
     * after 买了 or at the start of a sentence still is. (A general "the two read as one dictionary word" test was
     * tried and dropped: 的 glues to 的士, 的确, and real names after 我买的 were lost.)
     */
    private static boolean gluedToTheWordBefore(String text, int start, List<int[]> words) {
        for (int[] w : words) {
            if (w[1] == start) {
                String before = text.substring(w[0], w[1]);
                return NUMBER.matcher(before).matches() && MEASURE.indexOf(text.charAt(start)) >= 0;
            }
        }
        return false;
    }

    private static List<int[]> words(String text) {
        try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            List<int[]> words = new ArrayList<>();
            while (tokenizer.incrementToken()) {
                words.add(new int[]{offset.startOffset(), offset.endOffset()});
            }
            tokenizer.end();
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
