package org.finassist.content.commentary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * Runs one batch item idempotently: an article already stored as done is not written again. When the same origin
 * (run) stored it, the item was finished before an interruption and counts as done; another origin's article
 * counts as skipped. Neither calls the model.
 */
public final class CommentaryItems {

    private static final Logger log = LoggerFactory.getLogger(CommentaryItems.class);

    private final CommentaryService service;
    private final ArticleStore store;

    public CommentaryItems(CommentaryService service, ArticleStore store) {
        this.service = Objects.requireNonNull(service, "service");
        this.store = Objects.requireNonNull(store, "store");
    }

    public ItemResult run(ArticleRequest request, String origin) {
        ArticleId id = request.id();
        Optional<String> doneBy = store.doneBy(id);
        if (doneBy.isPresent()) {
            return new ItemResult(id, doneBy.get().equals(origin) ? ArticleStatus.DONE : ArticleStatus.SKIPPED, null, null);
        }
        try {
            Article article = service.write(request);
            store.save(article, origin);
            return new ItemResult(id, article.status(), article, null);
        } catch (RuntimeException e) {
            log.warn("Commentary item {} failed: {}", id, e.toString());
            return new ItemResult(id, ArticleStatus.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
