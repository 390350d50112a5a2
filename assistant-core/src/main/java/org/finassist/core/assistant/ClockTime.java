package org.finassist.core.assistant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as customers say it ("两点五十八分", "下午三点差两分", "9点20", "中午十二点") written the way trading rules
 * write it ("14:58", "9:20", "12:00"), so a question about a moment can be matched to the phase of the trading day
 * whose range holds it. Trading happens by day: an hour from 1 to 6 without 上午/早上 is in the afternoon. A bare
 * "一点" is read as a time only with a time of day before it, minutes, or 前/后/半/钟 after it ("有一点担心" is not).
 */
final class ClockTime {

    private static final String NUMBER = "(?:\\d{1,2}|[零一二两三四五六七八九十]{1,3})";
    private static final Pattern TIME = Pattern.compile(
            "(上午|早上|早晨|中午|下午|午后|晚上|傍晚)?(?<![之分百千万亿.\\d])(" + NUMBER + ")(?:点|[:：])(钟)?"
                    + "(?:(半)|(一刻)|(三刻)|差(" + NUMBER + ")分?|(" + NUMBER + ")(分)?)?");
    /** "二点五元", "三点五倍": a decimal number, not a time. */
    private static final Pattern AMOUNT_AFTER = Pattern.compile("^[元块倍%％折万亿个次股份]");
    private static final Pattern TIME_WORD_AFTER = Pattern.compile("^(前|后|以前|以后|之前|之后|左右)");

    private ClockTime() {
    }

    static String normalise(String text) {
        Matcher m = TIME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = time(m, text);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The match as "H:MM", or null when it is not read as a time of day. */
    private static String time(Matcher m, String text) {
        String dayPart = m.group(1);
        boolean colon = m.group().contains(":") || m.group().contains("：");
        int hour = number(m.group(2));
        int minute = 0;
        boolean minutes = false;
        if (m.group(4) != null) {
            minute = 30;
            minutes = true;
        } else if (m.group(5) != null) {
            minute = 15;
            minutes = true;
        } else if (m.group(6) != null) {
            minute = 45;
            minutes = true;
        } else if (m.group(7) != null) {
            hour -= 1;
            minute = 60 - number(m.group(7));
            minutes = true;
        } else if (m.group(8) != null && (m.group(9) != null || m.group(8).length() >= 2)) {
            // "9点20", "五十八分"; a single figure without 分 is a decimal ("一点五")
            minute = number(m.group(8));
            minutes = true;
        } else if (m.group(8) != null) {
            return null;
        }
        if (AMOUNT_AFTER.matcher(text.substring(m.end())).find()) return null;
        boolean timeWordAfter = m.group(3) != null || TIME_WORD_AFTER.matcher(text.substring(m.end())).find();
        if (colon && !minutes) return null;
        if (dayPart == null && !minutes && !timeWordAfter) return null;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
        boolean afternoon = dayPart != null && dayPart.matches("下午|午后|晚上|傍晚");
        boolean morning = dayPart != null && dayPart.matches("上午|早上|早晨");
        if (hour < 12 && (afternoon || !morning && hour >= 1 && hour <= 6)) hour += 12;
        return hour + ":" + (minute < 10 ? "0" : "") + minute;
    }

    /** 0–99 from digits or Chinese numerals ("五十八", "十二", "两"); -1 when it is neither. */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
        String digits = "零一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digit(s.charAt(0), digits) : -1;
        }
        int tens = ten == 0 ? 1 : digit(s.charAt(0), digits);
        int units = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1), digits);
        return tens < 0 || units < 0 ? -1 : tens * 10 + units;
    }

    private static int digit(char c, String digits) {
        if (c == '两') return 2;
        return digits.indexOf(c);
    }
}
