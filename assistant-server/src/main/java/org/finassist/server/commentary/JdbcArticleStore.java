package org.finassist.server.commentary;

import org.finassist.content.commentary.Article;
import org.finassist.content.commentary.ArticleExport;
import org.finassist.content.commentary.ArticleId;
import org.finassist.content.commentary.ArticleStore;
import org.finassist.content.commentary.ReviewPolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Articles in {@code commentary_article}, shared by every node; the Markdown and JSON exports are stored as is. Each
 * saved article enters review as the {@link ReviewPolicy} decides (pending, approved by {@code auto}, or blocked).
 */
final class JdbcArticleStore implements ArticleStore {

    /** Who approves clean articles when auto-approval is on. */
    static final String AUTO_REVIEWER = "auto";

    /** One row of the article list. */
    record Summary(String id, String type, String subject, LocalDate date, String status, String title, String model,
                   BigDecimal costCny, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final ReviewPolicy policy;

    JdbcArticleStore(JdbcClient jdbc, ReviewPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
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
        ReviewState review = ReviewState.of(policy.decide(a));
        String reviewer = review == ReviewState.APPROVED ? AUTO_REVIEWER : null;
        OffsetDateTime now = OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC);
        OffsetDateTime reviewedAt = reviewer == null ? null : now;
        try {
            jdbc.sql("INSERT INTO commentary_article (article_id, article_type, subject, trade_date, template_version, "
                            + "status, origin, title, model, cost_cny, markdown, json, created_at, review_state, reviewer, "
                            + "reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id().value(), a.id().type().id(), a.id().subject(), a.id().date(),
                            a.id().templateVersion(), a.status().id(), origin, clip(a.text().title(), 400), a.generation().model(),
                            a.generation().costCny(), md, json, now, review.id(), reviewer, reviewedAt)
                    .update();
        } catch (DuplicateKeyException e) {
            // a rejected version may be replaced; a done one stays (a concurrent writer of the same article won)
            jdbc.sql("UPDATE commentary_article SET status = ?, origin = ?, title = ?, model = ?, cost_cny = ?, "
                            + "markdown = ?, json = ?, created_at = ?, review_state = ?, reviewer = ?, reviewed_at = ?, "
                            + "review_reason = NULL WHERE article_id = ? AND status <> 'done'")
                    .params(a.status().id(), origin, clip(a.text().title(), 400), a.generation().model(), a.generation().costCny(), md, json, now,
                            review.id(), reviewer, reviewedAt, a.id().value())
                    .update();
        }
    }

    /** One article as the review queue shows it (the Markdown is what would be published). */
    record ReviewItem(String id, String type, String subject, LocalDate date, String title, String reviewState,
                      String reviewer, String reason, OffsetDateTime reviewedAt, OffsetDateTime publishedAt,
                      String publishError, String markdown) {
    }

    private static final String REVIEW_COLUMNS = "article_id, article_type, subject, trade_date, title, review_state, "
            + "reviewer, review_reason, reviewed_at, published_at, publish_error, markdown";

    List<ReviewItem> queue(ReviewState state, int limit, int offset) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM commentary_article WHERE review_state = ? "
                        + "ORDER BY trade_date DESC, article_id LIMIT ? OFFSET ?")
                .params(state.id(), limit, offset).query(JdbcArticleStore::reviewItem).list();
    }

    Map<String, Integer> reviewCounts() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (ReviewState s : ReviewState.values()) {
            out.put(s.id(), 0);
        }
        jdbc.sql("SELECT review_state, COUNT(*) FROM commentary_article GROUP BY review_state")
                .query((rs, i) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }

    Optional<ReviewItem> reviewItem(String id) {
        return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM commentary_article WHERE article_id = ?").param(id)
                .query(JdbcArticleStore::reviewItem).optional();
    }

    /** Pending → approved or rejected; false when the article is not pending (decided already, or unknown). */
    boolean decide(String id, ReviewState to, String reviewer, String reason, OffsetDateTime at) {
        return jdbc.sql("UPDATE commentary_article SET review_state = ?, reviewer = ?, review_reason = ?, reviewed_at = ? "
                        + "WHERE article_id = ? AND review_state = 'pending'")
                .params(to.id(), reviewer, reason, at, id).update() == 1;
    }

    /** The JSON of the newest approved article of {@code subject} among {@code types}, if any. */
    Optional<String> latestApprovedJson(String subject, List<String> types) {
        String in = String.join(", ", java.util.Collections.nCopies(types.size(), "?"));
        List<Object> params = new java.util.ArrayList<>();
        params.add(subject);
        params.addAll(types);
        return jdbc.sql("SELECT json FROM commentary_article WHERE subject = ? AND review_state = 'approved' "
                        + "AND article_type IN (" + in + ") ORDER BY trade_date DESC, created_at DESC LIMIT 1")
                .params(params).query(String.class).optional();
    }

    /** Approved articles the publish hook has not taken yet, oldest first. */
    List<String> approvedUnpublished(int limit) {
        return jdbc.sql("SELECT article_id FROM commentary_article WHERE review_state = 'approved' AND published_at IS NULL "
                        + "ORDER BY reviewed_at, article_id LIMIT ?").param(limit).query(String.class).list();
    }

    /** Marks an approved article published before the hook runs: only one node (or thread) wins the claim. */
    boolean claimPublication(String id, OffsetDateTime at) {
        return jdbc.sql("UPDATE commentary_article SET published_at = ?, publish_error = NULL WHERE article_id = ? "
                + "AND review_state = 'approved' AND published_at IS NULL").params(at, id).update() == 1;
    }

    /** The hook failed: back to approved-unpublished, with the error, for the next pass. */
    void publishFailed(String id, String error) {
        jdbc.sql("UPDATE commentary_article SET published_at = NULL, publish_error = ? WHERE article_id = ?")
                .params(clip(error, 1000), id).update();
    }

    private static ReviewItem reviewItem(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReviewItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
                rs.getString(12));
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
