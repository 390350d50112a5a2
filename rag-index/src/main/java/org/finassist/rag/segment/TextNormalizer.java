package org.finassist.rag.segment;

import java.text.Normalizer;
import java.util.Locale;

/** Full-width to half-width (NFKC) and lower case, so that "ＥＴＦ" and "etf" index alike. */
final class TextNormalizer {

    private TextNormalizer() {
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
