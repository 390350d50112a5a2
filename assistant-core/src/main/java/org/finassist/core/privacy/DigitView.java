package org.finassist.core.privacy;

/**
 * A same-length ASCII view of text, so one set of patterns sees every way a customer writes a number: full-width
 * digits, letters and separators become ASCII, and spoken numerals (零〇洞 一幺 二两 三 … 七拐 八 九勾) become digits. Index i
 * of the view is index i of the original, so a match in the view masks the same span of the original.
 */
final class DigitView {

    private static final String SPOKEN = "零〇洞一幺二两三四五六七拐八九勾";
    private static final String SPOKEN_DIGITS = "0001122345677899";

    private DigitView() {
    }

    static String of(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascii(text.charAt(i));
        }
        return new String(out);
    }

    static boolean isDigitLike(char c) {
        char a = ascii(c);
        return a >= '0' && a <= '9';
    }

    private static char ascii(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            // full-width digits, letters and the separators of numbers; other full-width punctuation (，；：) stays, as
            // it ends a value ("密码 abc；…" must not run on into the next sentence)
            char a = (char) (c - 0xFEE0);
            return Character.isLetterOrDigit(a) || "-./@()".indexOf(a) >= 0 ? a : c;
        }
        if (c == '\u3000') {
            return ' ';
        }
        int spoken = SPOKEN.indexOf(c);
        if (spoken >= 0) {
            return SPOKEN_DIGITS.charAt(spoken);
        }
        return switch (c) {
            case '—', '–', '‐', '‑', '－' -> '-';
            case '·', '。' -> '.';
            default -> c;
        };
    }
}
