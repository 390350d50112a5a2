package org.finassist.core.local;

import net.sourceforge.pinyin4j.PinyinHelper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a Chinese word sounds, without tones: customers type by pinyin, so a typo is most often a homophone of the word
 * the knowledge base uses (手序费 for 手续费, 开护 for 开户, 见正 for 见证). Two words that sound alike are taken for
 * the same word only when both are two characters long (a bigram), which makes a chance homophone rare.
 */
final class Sounds {

    private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();

    private Sounds() {
    }

    /** The toneless pinyin of each character, joined by '-'; a character without pinyin stands for itself. */
    static String of(String word) {
        StringBuilder out = new StringBuilder();
        word.codePoints().forEach(c -> out.append(out.isEmpty() ? "" : "-").append(CACHE.computeIfAbsent(c, Sounds::reading)));
        return out.toString();
    }

    private static String reading(int c) {
        if (Character.charCount(c) == 1 && Character.isIdeographic(c)) {
            String[] r = PinyinHelper.toHanyuPinyinStringArray((char) c);
            // the first reading is the common one; tones are dropped because a typo keeps the syllable, not the tone
            if (r != null && r.length > 0) return r[0].replaceAll("[0-9]", "");
        }
        return new String(Character.toChars(c));
    }
}
