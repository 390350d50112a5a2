package org.finassist.rag.ingest;

import java.time.LocalDate;
import java.util.List;

import org.finassist.rag.DocType;
import org.finassist.rag.FaqEntry;
import org.finassist.rag.chunk.Section;

/** What a parser makes of a file: sections of prose, or FAQ entries. */
sealed interface ParsedDocument {

    String title();

    record Prose(String title, DocType type, List<Section> sections, LocalDate effectiveFrom, LocalDate effectiveTo)
            implements ParsedDocument {
    }

    /** FAQ entries plus the rows that could not be read (1-based row number and reason). */
    record Faqs(String title, List<FaqEntry> entries, List<String> rowErrors) implements ParsedDocument {
    }
}
