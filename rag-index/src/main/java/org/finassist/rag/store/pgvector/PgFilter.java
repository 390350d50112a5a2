package org.finassist.rag.store.pgvector;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.finassist.rag.DocType;
import org.finassist.rag.SearchFilter;

/** A {@link SearchFilter} as a WHERE fragment with its parameters. */
record PgFilter(SearchFilter filter) {

    static PgFilter of(SearchFilter f) {
        return new PgFilter(f);
    }

    String where() {
        StringBuilder w = new StringBuilder("c.kb_id = ANY(?)");
        if (!filter.docTypes().isEmpty()) w.append(" AND c.doc_type = ANY(?)");
        if (filter.faqOnly() != null) w.append(" AND c.is_faq = ?");
        if (filter.effectiveOn() != null) {
            w.append(" AND (c.effective_from IS NULL OR c.effective_from <= ?)")
                    .append(" AND (c.effective_to IS NULL OR c.effective_to >= ?)");
        }
        return w.toString();
    }

    /** Binds the parameters from {@code index}; returns the next free index. */
    int bind(PreparedStatement ps, Connection c, int index) throws SQLException {
        ps.setArray(index++, c.createArrayOf("text", filter.kbIds().toArray()));
        if (!filter.docTypes().isEmpty()) {
            ps.setArray(index++, c.createArrayOf("text", filter.docTypes().stream().map(DocType::name).toArray()));
        }
        if (filter.faqOnly() != null) ps.setBoolean(index++, filter.faqOnly());
        if (filter.effectiveOn() != null) {
            ps.setDate(index++, Date.valueOf(filter.effectiveOn()));
            ps.setDate(index++, Date.valueOf(filter.effectiveOn()));
        }
        return index;
    }
}
