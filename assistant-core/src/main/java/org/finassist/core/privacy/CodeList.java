package org.finassist.core.privacy;

/**
 * Tells a list of security codes typed with spaces ("600519 000858 300750", "看看 000001 600000 两只") from one long
 * number (a card or account written in groups): every written group is exactly six digits. Spoken numerals form
 * groups of their own, so the "两" of "两只" after a list does not join it.
 */
final class CodeList {

    private CodeList() {
    }

    static boolean is(String asWritten) {
        int written = 0;
        int group = 0;
        boolean spoken = false;
        for (int i = 0; i <= asWritten.length(); i++) {
            char c = i < asWritten.length() ? asWritten.charAt(i) : ' ';
            boolean digit = DigitView.isDigitLike(c);
            boolean isSpoken = digit && !isWrittenDigit(c);
            if (digit && (group == 0 || isSpoken == spoken)) {
                group++;
                spoken = isSpoken;
                continue;
            }
            // a group ends: at a separator, or where written digits and spoken numerals meet
            if (group > 0) {
                if (spoken ? group > 2 : group != 6) {
                    return false;
                }
                written += spoken ? 0 : 1;
            }
            group = digit ? 1 : 0;
            spoken = isSpoken;
        }
        return written >= 2;
    }

    private static boolean isWrittenDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }
}
