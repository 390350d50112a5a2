package org.finassist.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.finassist.rag.HashingEmbeddingModel;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.retrieve.RetrievalOptions;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissReportTest {

    @TempDir
    Path dir;

    @Test
    void writesOnlyTheQuestionsWhoseGoldIsNotFirstWithBothPassages() throws Exception {
        EvalSet set = new EvalSet(Map.of(
                "p1", "融资融券的维持担保比例不得低于130%。",
                "p2", "股票交易实行T+1交收，当日买入次日才能卖出。"),
                List.of(new EvalSet.EvalQuery(1, "维持担保比例不得低于多少", "p1"),
                        // asks about p1's wording but names p2 as gold: a miss by construction
                        new EvalSet.EvalQuery(2, "融资融券的维持担保比例", "p2")));
        try (KnowledgeIndex index = KnowledgeIndex.builder().store(LuceneKnowledgeStore.inMemory())
                .embedder(new Embedder(new HashingEmbeddingModel(), "", 8)).build()) {
            RetrievalEvaluator evaluator = new RetrievalEvaluator(index);
            evaluator.ingest(set);
            Path file = dir.resolve("misses.md");

            int n = MissReport.write(file, evaluator.retrieve(set), set.passages(), RetrievalOptions.defaults().fusion());

            String md = Files.readString(file);
            assertThat(n).isEqualTo(1);
            assertThat(md).contains("QUESTION: 融资融券的维持担保比例").doesNotContain("QUESTION: 维持担保比例不得低于多少")
                    .contains("GOLD PASSAGE:\n股票交易实行T+1交收").contains("FIRST PASSAGE:\n融资融券的维持担保比例不得低于130%")
                    .contains("gold rank 2");
        }
    }
}
