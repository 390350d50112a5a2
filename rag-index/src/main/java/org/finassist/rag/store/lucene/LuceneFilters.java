package org.finassist.rag.store.lucene;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.finassist.rag.DocType;
import org.finassist.rag.SearchFilter;

/** Translates a {@link SearchFilter} into a Lucene filter query. */
final class LuceneFilters {

    private LuceneFilters() {
    }

    static Query of(SearchFilter f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(anyOf(ChunkDocuments.KB, f.kbIds().stream().toList()), Occur.FILTER);
        if (!f.docTypes().isEmpty()) {
            b.add(anyOf(ChunkDocuments.TYPE, f.docTypes().stream().map(DocType::name).toList()), Occur.FILTER);
        }
        if (f.faqOnly() != null) {
            b.add(new TermQuery(new Term(ChunkDocuments.FAQ, f.faqOnly().toString())), Occur.FILTER);
        }
        if (f.effectiveOn() != null) {
            long day = f.effectiveOn().toEpochDay();
            b.add(LongPoint.newRangeQuery(ChunkDocuments.FROM, Long.MIN_VALUE, day), Occur.FILTER);
            b.add(LongPoint.newRangeQuery(ChunkDocuments.TO, day, Long.MAX_VALUE), Occur.FILTER);
        }
        return b.build();
    }

    private static Query anyOf(String field, java.util.List<String> values) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        values.forEach(v -> b.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return b.build();
    }
}
