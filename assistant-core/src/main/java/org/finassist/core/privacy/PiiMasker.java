package org.finassist.core.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text before it leaves for an external model, a log or a stored row. Numbers are
 * found however they are written (full-width, spoken "一三九…", separated by spaces, {@code - . /}; see
 * {@link DigitView}): mainland resident IDs (18 and 15 digits), mobile and landline numbers, bank cards (Luhn) and
 * any other run of 12 or more digits (accounts), HK / Macau / Taiwan IDs, passports and travel permits, securities
 * and fund account numbers after their keyword, e-mail addresses, passwords typed after 密码/口令/password, and
 * names and addresses after their form-field label. What a model may still need is kept: an ID's region and check
 * digit, a mobile's first three and last four digits, a card's last four, an e-mail's domain.
 */
public final class PiiMasker {

    /** Digits with at most two separators between neighbours; the ID check letter X may end it. */
    private static final Pattern DIGIT_RUN = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9](?:[ \\-./]{0,2}[0-9]){6,}(?:[ \\-./]{0,2}[Xx])?(?![0-9A-Za-z])");
    /** A landline, its area code possibly in brackets: (010)8888-6666. */
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![0-9])\\(?(0[1-9][0-9]{1,2})\\)?[ \\-]?([0-9]{3,4})[ \\-]?([0-9]{4})(?![0-9])");
    /** A mobile with its first three digits in brackets, as a landline's area code is written: (139)8765-4321. */
    private static final Pattern MOBILE_BRACKETED = Pattern.compile(
            "(?<![0-9])\\( ?(1[3-9][0-9]) ?\\) ?([0-9]{4})[ \\-]?([0-9]{4})(?![0-9])");
    /** HK (A123456(7)), Macau (1234567(8)), Taiwan (A123456789), passports, travel permits, SH accounts. */
    private static final Pattern LETTER_ID = Pattern.compile(
            "(?<![0-9A-Za-z])(?:[A-Za-z]{1,2}[0-9]{6} ?\\([0-9A]\\)|[157][0-9]{6} ?\\([0-9]\\)|[A-Za-z]{1,2}[0-9]{7,10})"
                    + "(?![0-9A-Za-z])");
    /**
     * A number after the label of an account or an identity document, however it is spaced: "股东卡号：A 123456789",
     * "护照 E 1234 5678", "passport number is G 8765 4321", "澳门身份证1/234567/8".
     */
    private static final Pattern KEYED_NUMBER = Pattern.compile(
            "(资金账号|资金帐号|资金账户|证券账户|证券账号|股东账户|股东代码|股东卡号|股东卡|基金账户|基金账号|客户号|账号|帐号"
                    + "|台胞证|回乡证|通行证|护照|身份证|证件号码|证件号|(?i:passport|hkid))"
                    + "(?:号码|号|\\s*(?i:number|no\\.?))?[\\s:：是为]*(?i:is\\s+)?"
                    + "([A-Za-z]{0,2} ?[0-9](?:[ \\-./]{0,2}[0-9]){5,}(?:[ \\-]?[Xx])?)(?![0-9A-Za-z])");
    private static final String ONE_DATE = "(?:(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}"
            + "|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))";
    /**
     * A date or a validity period, which follows a document label ("身份证 2040-01-01 到期", "有效期 2020.01.01-2040.01.01")
     * and is not a number to hide, although its digits run long.
     */
    private static final Pattern DATE = Pattern.compile(ONE_DATE + "(?: ?[-~/] ?" + ONE_DATE + ")?");
    /** An e-mail address, also written with spaces around @ or with "at" for it: "zhang_san AT example.com". */
    private static final Pattern EMAIL = Pattern.compile(
            "([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(?: ?@ ?([A-Za-z0-9-]+(?: ?\\. ?[A-Za-z0-9-]+)* ?\\. ?[A-Za-z]{2,})"
                    + "|(?: +(?i:at) +| ?[\\[(](?i:at)[\\])] ?)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\." + "(?i:"
                    + "com|cn|net|org|edu|gov|hk|tw|mo|io|me|co|info|top|vip)))(?![A-Za-z0-9])");
    /** A password after its label, also after a comma and in quotes: 密码：“abc123456”, 交易密码,112233. */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(密码|口令|pin码|password|passwd|pwd|pin)(?:\\s*(?:是|为|:|：|=|is|,|，)\\s*|\\s+|(?=[\"“'‘「『]))"
                    + "[\"“”'‘’「『]?([\\x21-\\x7E]{4,64})");
    private static final Pattern NAME = Pattern.compile(
            "(姓名|名字|户名|联系人|开户人|持卡人)\\s*(?:是|为|:|：)\\s*([\\u4e00-\\u9fa5·]{2,5})");
    private static final Pattern ADDRESS = Pattern.compile(
            "(地址|住址|家庭住址|通讯地址|联系地址|家住|住在)\\s*(?:是|为|:|：|在)?\\s*([^\\s，。,;；！!？?]{4,60})");

    private static final java.util.Set<String> IDENTIFIERS = java.util.Set.of("id", "tool_call_id", "type");

    private PiiMasker() {
    }

    public static String mask(String text) {
        return mask(text, null);
    }

    /**
     * Masks {@code answer}, a reply to {@code question}, and also every personal value of the question that the
     * answer repeats without the label that identified it: "交易密码：668899" is masked in the question, but an answer
     * saying "没有找到“668899.SH”" would otherwise store the password in clear. Values shorter than four characters
     * (except names) are not searched for, as they occur by chance.
     */
    public static String maskEchoing(String answer, String question) {
        String masked = mask(answer);
        if (masked == null || masked.isEmpty() || question == null) {
            return masked;
        }
        List<Secret> secrets = new ArrayList<>();
        mask(question, secrets);
        for (Secret secret : secrets) {
            Function<Hit, String> stars = h -> "*".repeat(h.m().end() - h.m().start());
            masked = secret.inView() ? apply(echoPattern(secret.value()), masked, stars)
                    : applyRaw(Pattern.compile(Pattern.quote(secret.value())), masked, stars);
        }
        return masked;
    }

    /** A value that was masked, as the pattern that found it saw it: in the ASCII view (see DigitView) or as written. */
    private record Secret(String value, boolean inView) {
    }

    /** {@code found}, when not null, receives each value that was masked. */
    private static String mask(String text, List<Secret> found) {
        if (text == null || !worthScanning(text)) {
            return text;
        }
        String t = text;
        t = apply(PASSWORD, t, h -> h.labelled(found, "******"));
        t = apply(EMAIL, t, h -> h.secret(found, h.view(0), h.raw(1) + "***@" + domain(h)));
        t = apply(KEYED_NUMBER, t, h -> DATE.matcher(h.view(2)).matches() ? h.raw(0)
                : h.labelled(found, maskKeyed(h.view(2))));
        t = apply(DIGIT_RUN, t, h -> h.secret(found, digitsOf(h.view(0)), maskRun(h.view(0), h.raw(0))));
        t = apply(LETTER_ID, t, h -> h.secret(found, h.view(0).replace(" ", ""), maskLetterId(h.view(0))));
        t = apply(MOBILE_BRACKETED, t, h -> h.secret(found, digitsOf(h.view(0)), h.view(1) + "****" + h.view(3)));
        t = apply(LANDLINE, t, h -> h.secret(found, digitsOf(h.view(0)), h.view(1) + "-****" + h.view(3)));
        // names and addresses on the original text: 张三 must stay a name, not become 张3
        t = applyRaw(NAME, t, h -> h.labelledRaw(found, Names.mask(h.raw(2))));
        t = applyRaw(Names.SPACED_LABEL, t, h -> h.labelledRaw(found, Names.mask(h.raw(2))));
        t = applyRaw(ADDRESS, t, h -> h.labelledRaw(found, "***"));
        // last: a name is told by the masked ID number that follows it
        return applyRaw(Names.BEFORE_MASKED_ID, t, h -> h.secret(found, h.raw(1), Names.mask(h.raw(1)) + h.rest(1)));
    }

    private static String domain(Hit h) {
        return h.m().group(2) != null ? h.raw(2) : h.raw(3);
    }

    /** A masked value as it may be repeated: digits with the separators a number is written with between them. */
    private static Pattern echoPattern(String secret) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (i > 0 && Character.isDigit(c) && Character.isDigit(secret.charAt(i - 1))) {
                re.append("[ \\-./]{0,2}");
            }
            re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    /**
     * Masks every string inside JSON-like values (maps, lists, strings), e.g. tool-call arguments, {@code user},
     * {@code metadata}; other values pass through, and so do identifiers ({@code id}, {@code tool_call_id},
     * {@code type}) that link a tool call to its result. Returns new collections; the input is not modified.
     */
    public static Object maskDeep(Object value) {
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, IDENTIFIERS.contains(String.valueOf(k)) ? v : maskDeep(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(maskDeep(v)));
            return out;
        }
        return value;
    }

    /** Cheap pre-check so ordinary text costs no regex work: enough digits, an @, or a field label. */
    private static boolean worthScanning(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (DigitView.isDigitLike(c) && ++digits >= 6) {
                return true;
            }
            if ((c == 'a' || c == 'A') && i + 1 < text.length() && Character.toLowerCase(text.charAt(i + 1)) == 't') {
                return true; // "zhang_san at example.com"
            }
            if (c == '@' || c == '＠' || c == '码' || c == '令' || c == '名' || c == '址' || c == '住' || c == '人') {
                return true;
            }
            if ((c == 'p' || c == 'P') && (text.regionMatches(true, i, "pass", 0, 4)
                    || text.regionMatches(true, i, "pwd", 0, 3) || text.regionMatches(true, i, "pin", 0, 3))) {
                return true;
            }
        }
        return false;
    }

    /** A run of digits: masked as an ID, a mobile, or an account/card of 12+ digits; shorter runs stay as written. */
    private static String maskRun(String run, String asWritten) {
        String id = maskIdNumber(run);
        if (id != null) {
            return id;
        }
        String digits = digitsOf(run);
        int n = digits.length();
        if (n == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        if (n >= 12 && !CodeList.is(asWritten) && !DATE.matcher(run).matches()) {
            return "**** **** **** " + digits.substring(n - 4);
        }
        return asWritten;
    }

    /** The mainland ID form (region, masked birth date and sequence, check digit), or null when it is not one. */
    private static String maskIdNumber(String run) {
        String digits = digitsOf(run);
        int n = digits.length();
        boolean checkX = Character.toUpperCase(run.charAt(run.length() - 1)) == 'X';
        if ((n == 17 && checkX) || (n == 18 && plausibleBirth(digits.substring(6, 14)))) {
            String all = checkX ? digits + "X" : digits;
            return all.substring(0, 6) + "********" + all.substring(14);
        }
        if (n == 15 && plausibleBirth("19" + digits.substring(6, 12))) {
            return digits.substring(0, 6) + "******" + digits.substring(12);
        }
        return null;
    }

    /** A number after an account or document label: an ID keeps the ID form, anything else its last four digits. */
    private static String maskKeyed(String value) {
        String id = maskIdNumber(value);
        return id != null ? id : keepLast(digitsOf(value), 4);
    }

    private static String maskLetterId(String id) {
        String compact = id.replace(" ", "");
        return compact.charAt(0) + "*".repeat(Math.max(1, compact.length() - 3)) + compact.substring(compact.length() - 2);
    }

    static boolean plausibleBirth(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** Luhn check of a card number (used by tests and callers that must tell cards from other accounts). */
    public static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return digits.length() >= 12 && sum % 10 == 0;
    }

    private static String digitsOf(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String keepLast(String digits, int keep) {
        return digits.length() <= keep ? "*".repeat(digits.length())
                : "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }

    /** A match: groups as the ASCII view saw them (digits) or as the customer wrote them (labels). */
    private record Hit(Matcher m, String original) {

        String view(int group) {
            return m.group(group);
        }

        String raw(int group) {
            return original.substring(m.start(group), m.end(group));
        }

        /** What the match holds after {@code group}, as written. */
        String rest(int group) {
            return original.substring(m.end(group), m.end());
        }

        /** The label (group 1) and what followed it as written ("是", "：") with {@code value} for group 2. */
        String labelled(List<Secret> found, String value) {
            note(found, new Secret(m.group(2), true), value, raw(2));
            return original.substring(m.start(1), m.start(2)) + value;
        }

        /** As {@link #labelled}, for a pattern run on the text as written (names, addresses). */
        String labelledRaw(List<Secret> found, String value) {
            note(found, new Secret(m.group(2), false), value, raw(2));
            return original.substring(m.start(1), m.start(2)) + value;
        }

        /** {@code replacement} for the whole match, noting {@code value} (its ASCII view) in {@code found}. */
        String secret(List<Secret> found, String value, String replacement) {
            note(found, new Secret(value, true), replacement, original.substring(m.start(), m.end()));
            return replacement;
        }

        /** Notes a value that is really masked (not left as it was) and long enough not to occur by chance. */
        private static void note(List<Secret> found, Secret secret, String replacement, String was) {
            String v = secret.value();
            if (found != null && !replacement.equals(was) && !v.isEmpty()
                    && v.length() >= (secret.inView() && Character.isDigit(v.charAt(0)) ? 4 : 2)) {
                found.add(secret);
            }
        }
    }

    /** Runs {@code p} on the ASCII view of {@code text} and replaces the matched spans of the original. */
    private static String apply(Pattern p, String text, Function<Hit, String> f) {
        return replace(p, DigitView.of(text), text, f);
    }

    private static String applyRaw(Pattern p, String text, Function<Hit, String> f) {
        return replace(p, text, text, f);
    }

    private static String replace(Pattern p, String view, String text, Function<Hit, String> f) {
        Matcher m = p.matcher(view);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        do {
            sb.append(text, last, m.start()).append(f.apply(new Hit(m, text)));
            last = m.end();
        } while (m.find());
        return sb.append(text, last, text.length()).toString();
    }
}
