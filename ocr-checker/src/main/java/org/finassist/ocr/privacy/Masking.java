package org.finassist.ocr.privacy;

/** Masks personal data for logs and for responses outside the owner's session. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first 3 and last 2 characters of an ID number: {@code 110*************12}. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() <= 5) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 5) + id.substring(id.length() - 2);
    }

    /** Keeps the first character of a name: {@code 张**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, 1) + "*".repeat(name.codePointCount(0, name.length()) - 1);
    }

    /** Keeps the first 3 and last 4 digits of a phone or bank card number. */
    public static String number(String digits) {
        if (digits == null || digits.length() <= 7) {
            return digits == null ? null : "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
