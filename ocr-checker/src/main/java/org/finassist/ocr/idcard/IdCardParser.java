package org.finassist.ocr.idcard;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finassist.ocr.engine.TextLine;

/** Reads the printed fields of either card side from OCR lines by their labels. */
public final class IdCardParser {

    private static final Pattern ID = Pattern.compile("(?<![0-9X])\\d{17}[\\dX](?![0-9X])");
    /** A date right after its label: four-digit year, then month and day, nothing else before it. */
    private static final Pattern DATE = Pattern.compile("^[^0-9]{0,2}((?:19|20)\\d{2})(?!\\d)\\D{0,2}?(\\d{1,2})(?!\\d)\\D{0,2}?(\\d{1,2})(?!\\d)");
    private static final String[] FRONT_LABELS = {"姓名", "性别", "民族", "出生", "住址", "公民身份"};
    private static final String[] BACK_LABELS = {"签发机关", "有效期限", "居民身份证", "中华人民共和国"};
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{IsHan}·]");
    private static final Pattern NOT_HAN = Pattern.compile("[^\\p{IsHan}]");

    public CardSide detectSide(List<TextLine> lines) {
        String all = String.join("", rows(lines));
        int front = count(all, FRONT_LABELS);
        int back = count(all, BACK_LABELS);
        if (front == 0 && back == 0) {
            return CardSide.UNKNOWN;
        }
        return front >= back ? CardSide.FRONT : CardSide.BACK;
    }

    /**
     * Whether the lines show both sides at once (a photocopy page): two or more labels of each side. Such a picture
     * is refused, so that each side is checked on its own.
     */
    public boolean bothSides(List<TextLine> lines) {
        String all = String.join("", rows(lines));
        return count(all, FRONT_LABELS) >= 2 && count(all, BACK_LABELS) >= 2;
    }

    private static List<String> rows(List<TextLine> lines) {
        return TextRows.of(lines).stream().map(Labels::normalize).toList();
    }

    private static int count(String text, String... labels) {
        int n = 0;
        for (String label : labels) {
            n += text.contains(label) ? 1 : 0;
        }
        return n;
    }

    public IdCardFront parseFront(List<TextLine> lines) {
        List<String> rows = rows(lines);
        String name = after(rows, "姓名").map(s -> NOT_NAME.matcher(s).replaceAll("")).filter(s -> !s.isEmpty())
                .orElse(null);
        Optional<String> genderRow = after(rows, "性别");
        Gender gender = genderRow.map(s -> s.split("民族")[0]).flatMap(Gender::fromPrinted).orElse(null);
        String ethnicity = after(rows, "民族").map(s -> NOT_HAN.matcher(s).replaceAll(""))
                .filter(s -> !s.isEmpty()).orElse(null);
        LocalDate birth = after(rows, "出生").flatMap(IdCardParser::date).orElse(null);
        return new IdCardFront(name, gender, ethnicity, birth, address(rows), idNumber(rows));
    }

    public IdCardBack parseBack(List<TextLine> lines) {
        List<String> rows = rows(lines);
        String authority = authority(rows);
        ValidityPeriod validity = afterWithNext(rows, "有效期限").flatMap(ValidityPeriod::parse).orElse(null);
        return new IdCardBack(authority, validity);
    }

    private static Optional<String> after(List<String> rows, String label) {
        for (String row : rows) {
            int at = row.indexOf(label);
            if (at >= 0) {
                return Optional.of(row.substring(at + label.length()));
            }
        }
        return Optional.empty();
    }

    /** The label's row joined with the next one: a validity period is sometimes split in two boxes over rows. */
    private static Optional<String> afterWithNext(List<String> rows, String label) {
        for (int i = 0; i < rows.size(); i++) {
            int at = rows.get(i).indexOf(label);
            if (at >= 0) {
                String rest = rows.get(i).substring(at + label.length());
                return Optional.of(i + 1 < rows.size() ? rest + rows.get(i + 1) : rest);
            }
        }
        return Optional.empty();
    }

    /** 签发机关 may wrap onto a second row (long county names); it ends at the 有效期限 row. */
    private static String authority(List<String> rows) {
        StringBuilder sb = null;
        for (String row : rows) {
            if (sb == null) {
                int at = row.indexOf("签发机关");
                if (at >= 0) {
                    sb = new StringBuilder(row.substring(at + 4));
                }
            } else if (row.contains("有效期限") || row.matches(".*\\d{4}.*")) {
                break;
            } else {
                sb.append(row);
            }
        }
        String s = sb == null ? "" : NOT_HAN.matcher(sb).replaceAll("");
        return s.isEmpty() ? null : s;
    }

    /** The date right after the label, with the year within 1900–2099 and a real month and day. */
    private static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The address runs from the 住址 label over the following rows until the ID number row. */
    private static String address(List<String> rows) {
        StringBuilder sb = null;
        for (String row : rows) {
            if (sb == null) {
                int at = row.indexOf("住址");
                if (at >= 0) {
                    sb = new StringBuilder(row.substring(at + 2));
                }
            } else if (row.contains("公民身份") || ID.matcher(digitsOnly(row)).find()) {
                break;
            } else {
                sb.append(row);
            }
        }
        return sb == null || sb.isEmpty() ? null : sb.toString();
    }

    /** Prefers the labelled row; falls back to any 18-character run, since the label is small and often missed. */
    private static String idNumber(List<String> rows) {
        Optional<String> labelled = after(rows, "号码").map(IdCardParser::digitsOnly)
                .flatMap(s -> find(ID, s));
        if (labelled.isPresent()) {
            return labelled.get();
        }
        for (String row : rows) {
            Optional<String> any = find(ID, digitsOnly(row));
            if (any.isPresent()) {
                return any.get();
            }
        }
        return null;
    }

    /** Maps the letter/digit confusions OCR makes in number fields, then keeps digits and X only. */
    private static String digitsOnly(String row) {
        String s = row.toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1').replace('|', '1');
        return s.replaceAll("[^0-9X]", "");
    }

    private static Optional<String> find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
