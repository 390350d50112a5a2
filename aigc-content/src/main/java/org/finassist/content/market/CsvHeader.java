package org.finassist.content.market;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions of a bar CSV, found by header name, and the row parser. */
final class CsvHeader {

    private static final List<String> REQUIRED = List.of("date", "open", "high", "low", "close", "volume", "amount");

    private final Map<String, Integer> columns;

    private CsvHeader(Map<String, Integer> columns) {
        this.columns = columns;
    }

    static CsvHeader parse(String line, Path file) {
        Map<String, Integer> cols = new HashMap<>();
        String[] names = line.replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            cols.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!cols.containsKey(required)) {
                throw HqChartMarketDataSource.malformed(file, "header lacks column '" + required + "'");
            }
        }
        return new CsvHeader(cols);
    }

    Bar bar(String line, Path file, int lineNo) {
        String[] f = line.split(",", -1);
        Integer pre = columns.get("preclose");
        double preClose = pre == null || pre >= f.length || f[pre].isBlank() ? Double.NaN : num(f, pre, file, lineNo);
        return new Bar(date(field(f, "date", file, lineNo), file, lineNo), preClose, num(f, "open", file, lineNo),
                num(f, "high", file, lineNo), num(f, "low", file, lineNo), num(f, "close", file, lineNo),
                num(f, "volume", file, lineNo), num(f, "amount", file, lineNo));
    }

    private String field(String[] f, String name, Path file, int lineNo) {
        int idx = columns.get(name);
        if (idx >= f.length) {
            throw HqChartMarketDataSource.malformed(file, "line " + lineNo + " lacks '" + name + "'");
        }
        return f[idx].strip();
    }

    private double num(String[] f, String name, Path file, int lineNo) {
        return num(f, columns.get(name), file, lineNo);
    }

    private static double num(String[] f, int idx, Path file, int lineNo) {
        try {
            double v = Double.parseDouble(f[idx].strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException("not finite");
            }
            return v;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw HqChartMarketDataSource.malformed(file, "line " + lineNo + " column " + (idx + 1) + " is not a number");
        }
    }

    static LocalDate date(String text, Path file, int lineNo) {
        try {
            return text.length() == 8 ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw HqChartMarketDataSource.malformed(file, "line " + lineNo + " has a bad date '" + text + "'");
        }
    }
}
