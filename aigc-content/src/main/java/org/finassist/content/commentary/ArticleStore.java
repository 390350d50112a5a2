package org.finassist.content.commentary;

import java.util.Optional;

/**
 * Where finished articles are kept. The batch asks it before writing, so an article stored as done is never
 * written (nor paid for) again. Implementations are thread-safe.
 */
public interface ArticleStore {

    /**
     * Who stored {@code id} as {@link ArticleStatus#DONE}: the origin given to {@link #save}, empty when the article
     * is not stored or was stored as rejected.
     */
    Optional<String> doneBy(ArticleId id);

    /**
     * Stores {@code article}, replacing a rejected version; keeps an existing done version (a concurrent writer of
     * the same article won).
     *
     * @param origin what wrote it, e.g. a run id; opaque to the store
     */
    void save(Article article, String origin);
}
