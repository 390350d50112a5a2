package org.finassist.rag.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneKnowledgeStoreTest extends KnowledgeStoreContract {

    @TempDir
    Path dir;

    @Override
    protected KnowledgeStore newStore() {
        return LuceneKnowledgeStore.open(dir.resolve("index"));
    }

    @Test
    void indexSurvivesARestart() {
        put("kb1", "d.md", "h", chunk("kb1", "d.md", 0, "融资融券维持担保比例", axis(0)));
        store.close();

        store = LuceneKnowledgeStore.open(dir.resolve("index"));

        assertThat(store.chunkCount("kb1")).isEqualTo(1);
        assertThat(store.vectorSearch(axis(0), SearchFilter.of("kb1"), 1)).hasSize(1);
        assertThat(store.document("kb1", "d.md")).isPresent();
    }
}
