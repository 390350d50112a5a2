package org.finassist.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.ScoredChunk;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static ScoredChunk chunk(String doc, double score) {
        return new ScoredChunk(new Chunk(Chunk.idOf("kb", doc, 0), "kb", doc, doc, DocType.TEXT, List.of(), doc, 0,
                null, null, null), score);
    }

    private static String first(Fusion f, List<ScoredChunk> keyword, List<ScoredChunk> vector) {
        return f.fuse(keyword, vector).getFirst().chunk().docId();
    }

    @Test
    void strongLexicalEvidenceLetsTheKeywordLegDecide() {
        // a question that copies the passage's wording: BM25 25 for the keyword leg's first; the legs disagree
        var keyword = List.of(chunk("copied", 25), chunk("other", 9), chunk("third", 8));
        var vector = List.of(chunk("other", 0.81), chunk("copied", 0.80), chunk("third", 0.7));
        assertThat(first(Fusion.Confident.DEFAULT, keyword, vector)).isEqualTo("copied");
    }

    @Test
    void weakLexicalEvidenceLetsTheVectorLegDecide() {
        // a colloquial paraphrase: the keyword leg's best is a passage sharing one common word (BM25 2.5)
        var keyword = List.of(chunk("sharesAWord", 2.5), chunk("meant", 2.0), chunk("third", 1.5));
        var vector = List.of(chunk("meant", 0.78), chunk("third", 0.70), chunk("sharesAWord", 0.6));
        assertThat(first(Fusion.Confident.DEFAULT, keyword, vector)).isEqualTo("meant");
        // plain RRF cannot tell the two cases apart: it ranks both by position only
        assertThat(first(new Fusion.Rrf(60), keyword, vector)).isEqualTo("meant");
    }

    @Test
    void plainRrfIsTheHalfWeightedForm() {
        var keyword = List.of(chunk("a", 3), chunk("b", 2));
        var vector = List.of(chunk("b", 0.9), chunk("a", 0.8));
        var plain = new Fusion.Rrf(60).fuse(keyword, vector);
        assertThat(plain.getFirst().score()).isEqualTo(1.0 / 61 + 1.0 / 62);
        assertThat(new Fusion.Rrf(60, 0.5).fuse(keyword, vector).getFirst().score()).isEqualTo(plain.getFirst().score());
    }

    @Test
    void withoutKeywordHitsOnlyTheVectorLegCounts() {
        var vector = List.of(chunk("x", 0.9), chunk("y", 0.8));
        assertThat(Fusion.Confident.DEFAULT.forQuestion(List.of()).vectorWeight()).isEqualTo(1.0);
        assertThat(first(Fusion.Confident.DEFAULT, List.of(), vector)).isEqualTo("x");
    }
}
