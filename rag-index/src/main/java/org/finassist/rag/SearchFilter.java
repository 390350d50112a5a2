package org.finassist.rag;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Restricts a search. A request must name the knowledge bases it may read; the other criteria are optional.
 *
 * @param kbIds       knowledge bases to read (non-empty)
 * @param docTypes    document types to keep; empty for all
 * @param effectiveOn keep only chunks in force on this day; {@code null} for no date filter
 * @param faqOnly     {@code TRUE}: only FAQ chunks, {@code FALSE}: only passages, {@code null}: both
 */
public record SearchFilter(Set<String> kbIds, Set<DocType> docTypes, LocalDate effectiveOn, Boolean faqOnly) {

    public SearchFilter {
        Objects.requireNonNull(kbIds, "kbIds");
        if (kbIds.isEmpty()) throw new IllegalArgumentException("a search must name at least one knowledge base");
        kbIds = Set.copyOf(kbIds);
        docTypes = docTypes == null ? Set.of() : Set.copyOf(docTypes);
    }

    public static SearchFilter of(Set<String> kbIds) {
        return new SearchFilter(kbIds, Set.of(), null, null);
    }

    public static SearchFilter of(String... kbIds) {
        return of(Set.of(kbIds));
    }

    public SearchFilter faqOnly(Boolean value) {
        return new SearchFilter(kbIds, docTypes, effectiveOn, value);
    }

    /** Whether a chunk passes this filter (used by stores that filter in memory and by tests). */
    public boolean accepts(Chunk c) {
        if (!kbIds.contains(c.kbId())) return false;
        if (!docTypes.isEmpty() && !docTypes.contains(c.docType())) return false;
        if (faqOnly != null && faqOnly != c.isFaq()) return false;
        if (effectiveOn == null) return true;
        return (c.effectiveFrom() == null || !c.effectiveFrom().isAfter(effectiveOn))
                && (c.effectiveTo() == null || !c.effectiveTo().isBefore(effectiveOn));
    }
}
