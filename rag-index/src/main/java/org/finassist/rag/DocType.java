package org.finassist.rag;

import java.util.Locale;
import java.util.Optional;

/** Kinds of source documents a knowledge base ingests. */
public enum DocType {
    MARKDOWN, HTML, TEXT, PDF, FAQ;

    /** Guesses the type from a file name's extension; empty when unsupported. */
    public static Optional<DocType> fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) return Optional.of(MARKDOWN);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) return Optional.of(HTML);
        if (lower.endsWith(".txt")) return Optional.of(TEXT);
        if (lower.endsWith(".pdf")) return Optional.of(PDF);
        if (lower.endsWith(".csv") || lower.endsWith(".jsonl")) return Optional.of(FAQ);
        return Optional.empty();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
