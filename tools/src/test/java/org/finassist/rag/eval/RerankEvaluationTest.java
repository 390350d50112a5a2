package org.finassist.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;
import org.finassist.rag.HashingEmbeddingModel;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.retrieve.Reranker;
import org.finassist.rag.retrieve.RetrievalOptions;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;

/** The evaluation's rerank path ranks the gold passage after the reranker's order, and counts fallbacks. */
class RerankEvaluationTest {

    private static final EvalSet SET = new EvalSet(Map.of(
            "p1", "融资融券的维持担保比例不得低于130%，低于时需要追加担保物。",
            "p2", "股票交易实行T+1交收，当日买入的股票次日才能卖出。",
            "p3", "开户需要本人有效身份证件和银行卡，全程可在手机上办理。"),
            List.of(new EvalSet.EvalQuery(1, "担保比例低于多少要追加担保物", "p1"),
                    new EvalSet.EvalQuery(2, "今天买的股票什么时候能卖", "p2"),
                    new EvalSet.EvalQuery(3, "开户要带什么证件", "p3")));

    private static List<RetrievalEvaluator.Retrieved> retrieved(KnowledgeIndex index) {
        RetrievalEvaluator evaluator = new RetrievalEvaluator(index);
        evaluator.ingest(SET);
        return evaluator.retrieve(SET);
    }

    private static KnowledgeIndex index() {
        return KnowledgeIndex.builder().store(LuceneKnowledgeStore.inMemory())
                .embedder(new Embedder(new HashingEmbeddingModel(), "", 8)).build();
    }

    @Test
    void aRerankerThatPutsAPassageFirstMovesTheGoldRankThere() {
        try (KnowledgeIndex index = index()) {
            List<RetrievalEvaluator.Retrieved> all = retrieved(index);
            // prefers the T+1 passage for every question: right for question 2 only
            ScoringModel t1First = (segments, q) -> Response.from(
                    segments.stream().map(s -> s.text().contains("T+1") ? 1.0 : 0.0).toList());

            RetrievalEvaluator.Reranked r = RetrievalEvaluator.rerank(all,
                    RetrievalOptions.defaults().fusion(), new Reranker(t1First, 10));

            assertThat(r.ranks().get(1)).isEqualTo(1);
            assertThat(r.ranks().get(0)).isNotEqualTo(1);
            assertThat(r.ranks().get(2)).isNotEqualTo(1);
            assertThat(r.calls()).isEqualTo(3);
            assertThat(r.fallbacks()).isZero();
        }
    }

    @Test
    void aFailingRerankerLeavesTheFusedRanksAndIsCounted() {
        try (KnowledgeIndex index = index()) {
            List<RetrievalEvaluator.Retrieved> all = retrieved(index);
            ScoringModel down = (segments, q) -> {
                throw new IllegalStateException("connection refused");
            };

            RetrievalEvaluator.Reranked r = RetrievalEvaluator.rerank(all,
                    RetrievalOptions.defaults().fusion(), new Reranker(down, 10));

            assertThat(Metrics.of(r.ranks())).isEqualTo(RetrievalEvaluator.fused(all, RetrievalOptions.defaults().fusion()));
            assertThat(r.fallbacks()).isEqualTo(3);
        }
    }
}
