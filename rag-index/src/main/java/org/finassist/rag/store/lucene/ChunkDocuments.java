package org.finassist.rag.store.lucene;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.FaqEntry;
import org.finassist.rag.IndexedChunk;

/** Maps chunks to Lucene documents and back. Document-level facts (hash, title, chunk count) ride on every chunk. */
final class ChunkDocuments {

    static final String ID = "id", KB = "kb", DOC = "doc", DOC_KEY = "dockey", TYPE = "type", FAQ = "faq",
            FIRST = "first", FROM = "from", TO = "to", KEYWORDS = "kw", VECTOR = "vec";
    private static final String TITLE = "title", HEADINGS = "headings", TEXT = "text", ORDINAL = "ordinal",
            FAQ_Q = "faq_q", FAQ_A = "faq_a", FAQ_ALTS = "faq_alts", FAQ_SOURCE = "faq_source", HASH = "hash", CHUNKS = "chunks";
    private static final String SEP = "\u001F";

    private ChunkDocuments() {
    }

    static String docKey(String kbId, String docId) {
        return kbId + "\u0000" + docId;
    }

    static Document toDocument(DocumentInfo info, IndexedChunk ic, int chunkCount) {
        Chunk c = ic.chunk();
        Document d = new Document();
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        d.add(new StringField(KB, c.kbId(), Field.Store.YES));
        d.add(new StringField(DOC, c.docId(), Field.Store.YES));
        d.add(new StringField(DOC_KEY, docKey(c.kbId(), c.docId()), Field.Store.NO));
        d.add(new StringField(TYPE, c.docType().name(), Field.Store.YES));
        d.add(new StringField(FAQ, Boolean.toString(c.isFaq()), Field.Store.NO));
        if (c.ordinal() == 0) d.add(new StringField(FIRST, "1", Field.Store.NO));
        d.add(new StoredField(TITLE, c.docTitle()));
        d.add(new StoredField(HEADINGS, String.join(SEP, c.headingPath())));
        d.add(new StoredField(TEXT, c.text()));
        d.add(new StoredField(ORDINAL, c.ordinal()));
        d.add(new StoredField(HASH, info.contentHash()));
        d.add(new StoredField(CHUNKS, chunkCount));
        addDate(d, FROM, c.effectiveFrom(), Long.MIN_VALUE);
        addDate(d, TO, c.effectiveTo(), Long.MAX_VALUE);
        if (c.isFaq()) {
            d.add(new StoredField(FAQ_Q, c.faq().question()));
            d.add(new StoredField(FAQ_A, c.faq().answer()));
            d.add(new StoredField(FAQ_ALTS, String.join(SEP, c.faq().alternatives())));
            if (c.faq().source() != null) d.add(new StoredField(FAQ_SOURCE, c.faq().source()));
        }
        d.add(new TextField(KEYWORDS, new ListTokenStream(ic.tokens())));
        d.add(new KnnFloatVectorField(VECTOR, ic.vector(), VectorSimilarityFunction.COSINE));
        return d;
    }

    private static void addDate(Document d, String field, LocalDate date, long absent) {
        long day = date == null ? absent : date.toEpochDay();
        d.add(new LongPoint(field, day));
        d.add(new StoredField(field, day));
    }

    static Chunk toChunk(Document d) {
        LocalDate from = date(d, FROM, Long.MIN_VALUE);
        LocalDate to = date(d, TO, Long.MAX_VALUE);
        FaqEntry faq = d.get(FAQ_Q) == null ? null
                : new FaqEntry(d.get(FAQ_Q), d.get(FAQ_A), split(d.get(FAQ_ALTS)), d.get(FAQ_SOURCE), from, to);
        return new Chunk(d.get(ID), d.get(KB), d.get(DOC), d.get(TITLE), DocType.valueOf(d.get(TYPE)),
                split(d.get(HEADINGS)), d.get(TEXT), d.getField(ORDINAL).numericValue().intValue(), faq, from, to);
    }

    static DocumentInfo toInfo(Document d) {
        return new DocumentInfo(d.get(KB), d.get(DOC), d.get(TITLE), DocType.valueOf(d.get(TYPE)), d.get(HASH),
                d.getField(CHUNKS).numericValue().intValue());
    }

    static Document load(StoredFields fields, int docId) throws java.io.IOException {
        return fields.document(docId);
    }

    private static LocalDate date(Document d, String field, long absent) {
        long day = d.getField(field).numericValue().longValue();
        return day == absent ? null : LocalDate.ofEpochDay(day);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP));
    }
}
