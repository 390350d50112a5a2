package org.finassist.ocr.idcard;

import java.util.Optional;

/** Gender as printed on the card (男 / 女). */
public enum Gender {
    MALE("男"), FEMALE("女");

    private final String printed;

    Gender(String printed) {
        this.printed = printed;
    }

    public String printed() {
        return printed;
    }

    public static Optional<Gender> fromPrinted(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.contains("男")) {
            return Optional.of(MALE);
        }
        return text.contains("女") ? Optional.of(FEMALE) : Optional.empty();
    }
}
