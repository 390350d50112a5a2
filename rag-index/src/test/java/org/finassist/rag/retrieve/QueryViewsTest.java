package org.finassist.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.ScoredChunk;
import org.junit.jupiter.api.Test;

class QueryViewsTest {

    private static ScoredChunk chunk(String doc, double score) {
        return new ScoredChunk(new Chunk(Chunk.idOf("kb", doc, 0), "kb", doc, doc, DocType.TEXT, List.of(), doc, 0,
                null, null, null), score);
    }

    private static List<String> docs(List<ScoredChunk> leg) {
        return leg.stream().map(c -> c.chunk().docId()).toList();
    }

    private static double score(List<ScoredChunk> leg, String doc) {
        return leg.stream().filter(c -> c.chunk().docId().equals(doc)).findFirst().orElseThrow().score();
    }

    private final List<ScoredChunk> instructed = List.of(chunk("a", 0.80), chunk("b", 0.70), chunk("c", 0.60));
    private final List<ScoredChunk> plain = List.of(chunk("b", 0.90), chunk("d", 0.85), chunk("a", 0.70));

    @Test
    void withoutPlainWeightTheInstructedViewStandsAlone() {
        assertThat(QueryViews.blend(instructed, plain, 0)).isSameAs(instructed);
        assertThat(QueryViews.blend(instructed, List.of(), 0.5)).isSameAs(instructed);
    }

    @Test
    void blendRanksByTheWeightedCosinesAndFillsAMissingViewWithItsLowest() {
        // a: 0.5·0.80 + 0.5·0.70 = 0.75; b: 0.5·0.70 + 0.5·0.90 = 0.80; c: 0.5·0.60 + 0.5·0.70 (plain floor) = 0.65;
        // d: 0.5·0.60 (instructed floor) + 0.5·0.85 = 0.725
        assertThat(docs(QueryViews.blend(instructed, plain, 0.5))).containsExactly("b", "a", "d", "c");
        // the plain view alone decides at weight 1; the instructed view's extra candidate comes last
        assertThat(docs(QueryViews.blend(instructed, plain, 1))).containsExactly("b", "d", "a", "c");
    }

    @Test
    void chunksKeepTheirInstructedCosine() {
        List<ScoredChunk> blended = QueryViews.blend(instructed, plain, 1);
        assertThat(score(blended, "b")).isEqualTo(0.70);
        // found by the plain view only: the instructed view's lowest, an upper bound of its own
        assertThat(score(blended, "d")).isEqualTo(0.60);
    }

    @Test
    void confidentFusionUsesThePlainViewByItsWeight() {
        List<ScoredChunk> keyword = List.of();
        assertThat(Fusion.Confident.DEFAULT.fuse(keyword, instructed, plain).getFirst().chunk().docId()).isEqualTo("b");
        assertThat(Fusion.Confident.INSTRUCTED_ONLY.fuse(keyword, instructed, plain).getFirst().chunk().docId())
                .isEqualTo("a");
        // fusions without a plain weight ignore the plain view
        assertThat(new Fusion.Rrf(60).fuse(keyword, instructed, plain).getFirst().chunk().docId()).isEqualTo("a");
    }

    @Test
    void plainWeightOutsideTheUnitIntervalIsRejected() {
        assertThatThrownBy(() -> new Fusion.Confident(0.9, 8, 5, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
