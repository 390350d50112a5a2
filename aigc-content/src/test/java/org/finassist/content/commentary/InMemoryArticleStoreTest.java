package org.finassist.content.commentary;

/** The article-store contract on the in-memory store of dry runs and benchmarks. */
class InMemoryArticleStoreTest extends ArticleStoreContract {

    @Override
    protected ArticleStore store() {
        return new InMemoryArticleStore();
    }
}
