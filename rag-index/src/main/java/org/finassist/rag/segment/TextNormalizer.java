package org.finassist.rag.segment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Full-width to half-width (NFKC) and lower case, so that "ＥＴＦ" and "etf" index alike; whitespace between two
 * Chinese characters is dropped, because Chinese does not use spaces and PDF extraction breaks words across lines
 * ("手 续费" → "手续费").
 */
final class TextNormalizer {

    private static final Pattern CJK_GAP = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return CJK_GAP.matcher(nfkc).replaceAll("");
    }
}
