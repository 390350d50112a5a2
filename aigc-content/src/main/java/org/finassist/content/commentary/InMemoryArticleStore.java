package org.finassist.content.commentary;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ArticleStore} in memory, for the CLI's dry runs, benchmarks and tests. */
public final class InMemoryArticleStore implements ArticleStore {

    private record Entry(Article article, String origin) {
    }

    private final Map<ArticleId, Entry> articles = new ConcurrentHashMap<>();

    @Override
    public Optional<String> doneBy(ArticleId id) {
        return Optional.ofNullable(articles.get(id)).filter(e -> e.article().status() == ArticleStatus.DONE)
                .map(Entry::origin);
    }

    @Override
    public void save(Article article, String origin) {
        articles.merge(article.id(), new Entry(article, origin),
                (old, fresh) -> old.article().status() == ArticleStatus.DONE ? old : fresh);
    }

    public Collection<Article> articles() {
        return List.copyOf(articles.values().stream().map(Entry::article).toList());
    }
}
