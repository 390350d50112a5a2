package org.finassist.core.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text: 18-digit resident ID numbers (first 6 and last 4 kept: the region and the
 * check digit are what a model may still need), mainland mobile numbers (3 + 4 kept) and bank card numbers
 * (last 4 kept). Digits inside longer digit runs are not touched.
 */
public final class PiiMasker {

    private static final Pattern ID = Pattern.compile(
            "(?<![0-9])([1-9][0-9]{5})((?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})"
                    + "([0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private PiiMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 11 || !hasLongDigitRun(text)) {
            return text;
        }
        String t = replace(ID, text, m -> m.group(1) + "********" + m.group(2).substring(8) + m.group(3));
        t = replace(MOBILE, t, m -> m.group(1) + "****" + m.group(3));
        return replace(CARD, t, m -> {
            String digits = m.group().replaceAll("[ -]", "");
            return "**** **** **** " + digits.substring(digits.length() - 4);
        });
    }

    /** Cheap pre-check so ordinary text costs no regex work. */
    private static boolean hasLongDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 11) {
                    return true;
                }
            } else if (c != ' ' && c != '-') {
                run = 0;
            }
        }
        return false;
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
