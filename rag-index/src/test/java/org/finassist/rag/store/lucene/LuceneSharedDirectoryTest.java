package org.finassist.rag.store.lucene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A second node pointed at the same index directory is refused with what to do instead. */
class LuceneSharedDirectoryTest {

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedNamingPgvector(@TempDir Path dir) {
        try (LuceneKnowledgeStore first = LuceneKnowledgeStore.open(dir)) {
            assertThatThrownBy(() -> LuceneKnowledgeStore.open(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another process")
                    .hasMessageContaining("finassist.rag.store=pgvector");
        }
    }
}
