package org.finassist.dh.answer;

import java.text.Normalizer;
import java.util.Map;

/**
 * Extracts the digits of a spoken number as ASR writes it: Arabic digits, Chinese numerals and the forms people
 * use when reading numbers out (幺 for 1, 两 for 2, 拐 for 7, 洞 for 0, 叉 for the ID check character X).
 */
public final class SpokenDigits {

    private static final Map<Integer, Character> DIGITS = Map.ofEntries(
            Map.entry((int) '零', '0'), Map.entry((int) '〇', '0'), Map.entry((int) '洞', '0'),
            Map.entry((int) '一', '1'), Map.entry((int) '幺', '1'), Map.entry((int) '壹', '1'),
            Map.entry((int) '二', '2'), Map.entry((int) '两', '2'), Map.entry((int) '贰', '2'),
            Map.entry((int) '三', '3'), Map.entry((int) '叁', '3'),
            Map.entry((int) '四', '4'), Map.entry((int) '肆', '4'),
            Map.entry((int) '五', '5'), Map.entry((int) '伍', '5'),
            Map.entry((int) '六', '6'), Map.entry((int) '陆', '6'),
            Map.entry((int) '七', '7'), Map.entry((int) '拐', '7'), Map.entry((int) '柒', '7'),
            Map.entry((int) '八', '8'), Map.entry((int) '捌', '8'),
            Map.entry((int) '九', '9'), Map.entry((int) '勾', '9'), Map.entry((int) '玖', '9'),
            Map.entry((int) 'x', 'X'), Map.entry((int) 'X', 'X'), Map.entry((int) '叉', 'X'));

    private SpokenDigits() {
    }

    /** The digits (and X) in reading order; everything else is dropped. */
    public static String extract(String spoken) {
        if (spoken == null) {
            return "";
        }
        String text = Normalizer.normalize(spoken, Normalizer.Form.NFKC).replace("艾克斯", "X");
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp >= '0' && cp <= '9') {
                out.append((char) cp);
            } else {
                Character digit = DIGITS.get(cp);
                if (digit != null) {
                    out.append(digit);
                }
            }
        });
        return out.toString();
    }
}
