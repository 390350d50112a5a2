package org.finassist.server.commentary;

import org.finassist.content.commentary.Article;
import org.finassist.content.commentary.ArticleExport;
import org.finassist.content.commentary.ArticleId;
import org.finassist.content.commentary.ArticleStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Articles in {@code commentary_article}, shared by every node; the Markdown and JSON exports are stored as is. */
final class JdbcArticleStore implements ArticleStore {

    /** One row of the article list. */
    record Summary(String id, String type, String subject, LocalDate date, String status, String title, String model,
                   BigDecimal costCny, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    JdbcArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> doneBy(ArticleId id) {
        return jdbc.sql("SELECT origin FROM commentary_article WHERE article_id = ? AND status = 'done'")
                .param(id.value()).query(String.class).optional();
    }

    @Override
    public void save(Article a, String origin) {
        String md = ArticleExport.markdown(a);
        String json = ArticleExport.json(a);
        try {
            jdbc.sql("INSERT INTO commentary_article (article_id, article_type, subject, trade_date, template_version, "
                            + "status, origin, title, model, cost_cny, markdown, json, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id().value(), a.id().type().id(), a.id().subject(), a.id().date(),
                            a.id().templateVersion(), a.status().id(), origin, clip(a.title(), 400), a.model(),
                            a.costCny(), md, json, OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            // a rejected version may be replaced; a done one stays (a concurrent writer of the same article won)
            jdbc.sql("UPDATE commentary_article SET status = ?, origin = ?, title = ?, model = ?, cost_cny = ?, "
                            + "markdown = ?, json = ?, created_at = ? WHERE article_id = ? AND status <> 'done'")
                    .params(a.status().id(), origin, clip(a.title(), 400), a.model(), a.costCny(), md, json,
                            OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC), a.id().value())
                    .update();
        }
    }

    List<Summary> list(LocalDate date, String type, String runId, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT a.article_id, a.article_type, a.subject, a.trade_date, a.status, "
                + "a.title, a.model, a.cost_cny, a.created_at FROM commentary_article a WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (date != null) {
            sql.append(" AND a.trade_date = ?");
            params.add(date);
        }
        if (type != null) {
            sql.append(" AND a.article_type = ?");
            params.add(type);
        }
        if (runId != null) {
            sql.append(" AND a.article_id IN (SELECT article_id FROM commentary_run_item WHERE run_id = ?)");
            params.add(runId);
        }
        sql.append(" ORDER BY a.trade_date DESC, a.article_id LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Summary(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getBigDecimal(8), rs.getObject(9, OffsetDateTime.class))).list();
    }

    /** A written market overview: its data date and published Markdown. */
    record MarketOverview(LocalDate date, String markdown) {
    }

    /** The newest accepted market overview ({@code market} article), for the chat's market questions. */
    Optional<MarketOverview> latestMarketOverview() {
        return jdbc.sql("SELECT trade_date, markdown FROM commentary_article WHERE article_type = 'market'"
                        + " AND status = 'done' ORDER BY trade_date DESC, created_at DESC LIMIT 1")
                .query((rs, i) -> new MarketOverview(rs.getObject(1, LocalDate.class), rs.getString(2))).optional();
    }

    Optional<String> markdown(String id) {
        return jdbc.sql("SELECT markdown FROM commentary_article WHERE article_id = ?").param(id).query(String.class)
                .optional();
    }

    Optional<String> json(String id) {
        return jdbc.sql("SELECT json FROM commentary_article WHERE article_id = ?").param(id).query(String.class)
                .optional();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
