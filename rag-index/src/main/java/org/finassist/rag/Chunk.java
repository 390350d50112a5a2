package org.finassist.rag;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One retrievable unit of a knowledge base: a passage of a document, or one question variant of an FAQ entry.
 *
 * @param id            unique chunk id ({@code kbId/docId#ordinal})
 * @param kbId          knowledge base the chunk belongs to
 * @param docId         document id, unique inside the knowledge base
 * @param docTitle      human-readable document title, used in citations
 * @param docType       document type (see {@link DocType})
 * @param headingPath   headings from the document root down to this passage; empty for none
 * @param text          the passage text (for FAQ chunks: the matched question and the answer)
 * @param ordinal       position of the chunk in its document
 * @param faq           the FAQ entry for FAQ chunks, else {@code null}
 * @param effectiveFrom first day the document is in force, or {@code null}
 * @param effectiveTo   last day the document is in force, or {@code null}
 */
public record Chunk(String id, String kbId, String docId, String docTitle, DocType docType, List<String> headingPath,
                    String text, int ordinal, FaqEntry faq, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kbId, "kbId");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(docType, "docType");
        Objects.requireNonNull(text, "text");
        docTitle = docTitle == null ? docId : docTitle;
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }

    /** The chunk id used by every store: {@code kbId/docId#ordinal}. */
    public static String idOf(String kbId, String docId, int ordinal) {
        return kbId + "/" + docId + "#" + ordinal;
    }

    public boolean isFaq() {
        return faq != null;
    }

    /** Heading path joined with " > ", as shown in citations. */
    public String headingText() {
        return String.join(" > ", headingPath);
    }
}
