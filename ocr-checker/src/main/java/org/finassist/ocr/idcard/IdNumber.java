package org.finassist.ocr.idcard;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** A syntactically well-formed 18-character citizen identity number (GB 11643-1999). */
public record IdNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    public IdNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an 18-character ID number");
        }
    }

    /** Parses after normalising case and stray spaces; empty when the text cannot be an ID number. */
    public static Optional<IdNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.replaceAll("\\s", "").toUpperCase().replace('x', 'X');
        return SHAPE.matcher(s).matches() ? Optional.of(new IdNumber(s)) : Optional.empty();
    }

    /** The check character that the first 17 digits call for. */
    public static char checkCharFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public boolean checksumValid() {
        return checkCharFor(value.substring(0, 17)) == value.charAt(17);
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The birth date encoded in digits 7–14, empty if it is not a real calendar date. */
    public Optional<LocalDate> birthDate() {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Odd 17th digit means male. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    @Override
    public String toString() {
        return org.finassist.ocr.privacy.Masking.idNumber(value);
    }
}
