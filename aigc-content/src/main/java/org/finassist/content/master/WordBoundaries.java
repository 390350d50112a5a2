package org.finassist.content.master;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Where the words of a sentence begin and end, by Lucene's smartcn segmentation (a dictionary and an HMM; no model
 * file). A stock's short name that cuts a word in two ("会通" of 会/通知我, "天下" of 明天/下雨, "锂电" of 锂/电池) is
 * part of other words, not a name. An unknown name is split into single characters, which no span cuts: the guard
 * only ever removes a match, never invents one.
 */
final class WordBoundaries {

    private WordBoundaries() {
    }

    /** Whether {@code [start, end)} begins or ends strictly inside a word of several characters. */
    static boolean cuts(String text, int start, int end) {
        try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            boolean cut = false;
            while (tokenizer.incrementToken() && !cut) {
                int s = offset.startOffset();
                int e = offset.endOffset();
                cut = (s < start && start < e) || (s < end && end < e);
            }
            tokenizer.end();
            return cut;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
