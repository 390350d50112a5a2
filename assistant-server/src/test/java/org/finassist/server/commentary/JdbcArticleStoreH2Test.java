package org.finassist.server.commentary;

import org.finassist.content.commentary.ArticleStore;
import org.finassist.content.commentary.ArticleStoreContract;
import org.finassist.content.commentary.ReviewPolicy;
import org.finassist.server.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The article-store contract on the JDBC store over H2, the embedded default's database. */
class JdbcArticleStoreH2Test extends ArticleStoreContract {

    @Override
    protected ArticleStore store() {
        return fresh(TestDatabases.h2("foundation_articles"));
    }

    static ArticleStore fresh(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM commentary_article");
        return new JdbcArticleStore(JdbcClient.create(jdbc), ReviewPolicy.REVIEW_ALL);
    }
}
