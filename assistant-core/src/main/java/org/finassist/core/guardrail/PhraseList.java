package org.finassist.core.guardrail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A banned-phrase list read from a classpath resource ({@code CODE<TAB>phrase} per line, '#' comments). */
public record PhraseList(List<Entry> entries) {

    /** The default list shipped in {@code org/finassist/core/guardrail/compliance-phrases.txt}. */
    public static final String DEFAULT_RESOURCE = "org/finassist/core/guardrail/compliance-phrases.txt";

    /** One banned phrase and the violation code it raises. */
    public record Entry(String code, String phrase) {
    }

    public PhraseList {
        entries = List.copyOf(entries);
    }

    public static PhraseList loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    public static PhraseList load(String resource) {
        InputStream in = PhraseList.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Phrase list resource not found: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read phrase list " + resource, e);
        }
    }

    static PhraseList parse(List<String> lines, String source) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalStateException("Bad phrase line " + (i + 1) + " in " + source + ": " + line);
            }
            entries.add(new Entry(parts[0], parts[1].replaceAll("\\s+", "")));
        }
        return new PhraseList(entries);
    }
}
