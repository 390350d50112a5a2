package org.finassist.content.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A curated list shipped on the classpath beside the securities master (nicknames, not-names): UTF-8 lines of
 * {@code key<TAB>value|value|…}, blank lines and {@code #} comments skipped.
 */
final class ShippedText {

    /** One list line: its number (for errors), its key and its non-blank values. */
    record Row(int lineNo, String key, List<String> values) {
    }

    private ShippedText() {
    }

    /** The resource's text; a missing list is a packaging error, not an empty list. */
    static String read(String resource, String what) {
        try (InputStream in = ShippedText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The rows of {@code text}; a line without exactly two tab-separated fields is an error naming its number. */
    static List<Row> rows(String text, String what, String expected) {
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\t");
            if (f.length != 2) {
                throw new IllegalArgumentException(what + " line " + lineNo + ": expected " + expected);
            }
            rows.add(new Row(lineNo, f[0], java.util.Arrays.stream(f[1].split("\\|")).filter(v -> !v.isBlank()).toList()));
        }
        return rows;
    }
}
