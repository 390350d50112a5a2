package org.finassist.server.commentary;

import org.finassist.content.commentary.ArticleStore;
import org.finassist.content.commentary.ArticleStoreContract;
import org.finassist.server.support.TestDatabases;

/** The article-store contract on the JDBC store over PostgreSQL ({@code FINASSIST_TEST_PG_URL}; skipped if absent). */
class JdbcArticleStorePgIT extends ArticleStoreContract {

    @Override
    protected ArticleStore store() {
        return JdbcArticleStoreH2Test.fresh(TestDatabases.postgres("foundation_contracts"));
    }
}
