package org.finassist.rag.store.pgvector;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.FaqEntry;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.ScoredChunk;

/** Binds chunks to INSERT parameters and maps rows back. */
final class ChunkRows {

    private ChunkRows() {
    }

    static void bind(PreparedStatement ps, Connection conn, IndexedChunk ic) throws SQLException {
        Chunk c = ic.chunk();
        ps.setString(1, c.id());
        ps.setString(2, c.kbId());
        ps.setString(3, c.docId());
        ps.setString(4, c.docTitle());
        ps.setString(5, c.docType().name());
        ps.setArray(6, conn.createArrayOf("text", c.headingPath().toArray()));
        ps.setString(7, c.text());
        ps.setInt(8, c.ordinal());
        ps.setBoolean(9, c.isFaq());
        ps.setString(10, c.isFaq() ? c.faq().question() : null);
        ps.setString(11, c.isFaq() ? c.faq().answer() : null);
        if (c.isFaq()) ps.setArray(12, conn.createArrayOf("text", c.faq().alternatives().toArray()));
        else ps.setNull(12, Types.ARRAY);
        setDate(ps, 13, c.effectiveFrom());
        setDate(ps, 14, c.effectiveTo());
        ps.setString(15, TsText.vector(ic.tokens()));
        ps.setString(16, TsText.vector(ic.vector()));
        ps.setInt(17, ic.tokens().size());
        ps.setString(18, c.isFaq() ? c.faq().source() : null);
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) ps.setNull(i, Types.DATE);
        else ps.setDate(i, Date.valueOf(d));
    }

    static List<ScoredChunk> scored(PreparedStatement ps) throws SQLException {
        List<ScoredChunk> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new ScoredChunk(chunk(rs), rs.getDouble("score")));
        }
        return out;
    }

    static Chunk chunk(ResultSet rs) throws SQLException {
        String q = rs.getString("faq_question");
        LocalDate from = date(rs.getDate("effective_from"));
        LocalDate to = date(rs.getDate("effective_to"));
        FaqEntry faq = q == null ? null : new FaqEntry(q, rs.getString("faq_answer"),
                strings(rs.getArray("faq_alternatives")), rs.getString("faq_source"), from, to);
        return new Chunk(rs.getString("id"), rs.getString("kb_id"), rs.getString("doc_id"), rs.getString("doc_title"),
                DocType.valueOf(rs.getString("doc_type")), strings(rs.getArray("heading_path")), rs.getString("text"),
                rs.getInt("ordinal"), faq, from, to);
    }

    static DocumentInfo document(ResultSet rs) throws SQLException {
        return new DocumentInfo(rs.getString("kb_id"), rs.getString("doc_id"), rs.getString("title"),
                DocType.valueOf(rs.getString("doc_type")), rs.getString("content_hash"), rs.getInt("chunk_count"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
