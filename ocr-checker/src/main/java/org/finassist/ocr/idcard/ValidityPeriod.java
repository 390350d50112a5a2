package org.finassist.ocr.idcard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 有效期限 as printed on the back: {@code YYYY.MM.DD-YYYY.MM.DD} or {@code YYYY.MM.DD-长期}; end empty means 长期. */
public record ValidityPeriod(LocalDate start, Optional<LocalDate> end) {

    private static final Pattern PRINTED =
            Pattern.compile("(\\d{4})[.\\-·,]?(\\d{2})[.\\-·,]?(\\d{2})\\s*[-—~至]\\s*(长期|(\\d{4})[.\\-·,]?(\\d{2})[.\\-·,]?(\\d{2}))");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public ValidityPeriod {
        end = end == null ? Optional.empty() : end;
    }

    public boolean longTerm() {
        return end.isEmpty();
    }

    /** Parses the printed period, tolerating the separators OCR tends to confuse; empty when it does not fit. */
    public static Optional<ValidityPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PRINTED.matcher(text.replaceAll("\\s", ""));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            LocalDate start = LocalDate.parse(m.group(1) + m.group(2) + m.group(3), DATE);
            if ("长期".equals(m.group(4))) {
                return Optional.of(new ValidityPeriod(start, Optional.empty()));
            }
            LocalDate end = LocalDate.parse(m.group(5) + m.group(6) + m.group(7), DATE);
            return Optional.of(new ValidityPeriod(start, Optional.of(end)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The canonical printed form. */
    public String printed() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("uuuu.MM.dd");
        return start.format(f) + "-" + end.map(f::format).orElse("长期");
    }
}
