package org.finassist.dh.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Compares spoken names and ID-number digits with the application. Stateless. */
public final class IdentityChecks {

    /** "后六位", "最后4位数字": numerals that describe the answer rather than belong to it. */
    private static final Pattern COUNT_WORDS = Pattern.compile("[后前末尾最]*[一二三四五六七八九十两几0-9](位|个)(数字|数|是)?");

    private IdentityChecks() {
    }

    /**
     * Checks that the customer spoke the last {@code suffixLength} characters of the ID number (saying the whole
     * number also passes, if it is all right).
     */
    public static MatchResult idSuffix(String spoken, String idNumber, int suffixLength) {
        String heard = SpokenDigits.extract(spoken == null ? "" : COUNT_WORDS.matcher(spoken).replaceAll(""));
        String expected = idNumber.toUpperCase(Locale.ROOT);
        if (heard.length() < suffixLength) {
            return MatchResult.UNCLEAR;
        }
        if (heard.length() >= expected.length()) {
            return heard.endsWith(expected) ? MatchResult.MATCH : MatchResult.MISMATCH;
        }
        String suffix = expected.substring(expected.length() - suffixLength);
        return heard.endsWith(suffix) ? MatchResult.MATCH : MatchResult.MISMATCH;
    }

    /**
     * Checks a spoken name: contained exactly is a match; one character off (a likely ASR homophone such as
     * 张伟/章伟) is unclear and asked again; anything else is a mismatch.
     */
    public static MatchResult name(String spoken, String expectedName) {
        String heard = Texts.normalize(spoken);
        String expected = Texts.normalize(expectedName);
        if (heard.isEmpty()) {
            return MatchResult.UNCLEAR;
        }
        if (heard.contains(expected)) {
            return MatchResult.MATCH;
        }
        int length = Texts.length(expected);
        int best = Integer.MAX_VALUE;
        int[] cps = heard.codePoints().toArray();
        for (int start = 0; start + length <= cps.length; start++) {
            best = Math.min(best, Texts.distance(new String(cps, start, length), expected));
        }
        return best == 1 && length >= 2 ? MatchResult.UNCLEAR : MatchResult.MISMATCH;
    }
}
