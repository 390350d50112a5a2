package org.finassist.server.commentary;

import org.finassist.content.anomaly.Breadth;
import org.finassist.content.commentary.ArticleStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs and their items in {@code commentary_run} / {@code commentary_run_item}. Counts are always derived from the
 * item rows, so they stay exact whatever node settled an item and however often a node crashed.
 */
final class RunStore {

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String CANCELLED = "cancelled";
    private static final String PENDING = "pending";
    private static final int ITEM_ROWS_PER_INSERT = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    RunStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void create(String runId, LocalDate date, String universe, List<String> types, Breadth b, List<String> articleIds) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO commentary_run (run_id, trade_date, universe, types, state, total, b_traded, "
                            + "b_advancers, b_decliners, b_unchanged, b_limit_ups, b_limit_downs, b_opened, started_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, date, universe, String.join(",", types), RUNNING, articleIds.size(), b.traded(),
                            b.advancers(), b.decliners(), b.unchanged(), b.limitUps(), b.limitDowns(),
                            b.openedLimitUps(), now())
                    .update();
            // multi-row inserts: 5,000 items in ten statements rather than 5,000 round trips
            for (int from = 0; from < articleIds.size(); from += ITEM_ROWS_PER_INSERT) {
                List<String> slice = articleIds.subList(from, Math.min(articleIds.size(), from + ITEM_ROWS_PER_INSERT));
                List<Object> params = new java.util.ArrayList<>(slice.size() * 3);
                slice.forEach(id -> params.addAll(List.of(runId, id, PENDING)));
                jdbc.sql("INSERT INTO commentary_run_item (run_id, article_id, status) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(slice.size(), "(?, ?, ?)")))
                        .params(params).update();
            }
        });
    }

    List<String> pendingItems(String runId) {
        return jdbc.sql("SELECT article_id FROM commentary_run_item WHERE run_id = ? AND status = ? ORDER BY article_id")
                .params(runId, PENDING).query(String.class).list();
    }

    List<String> runningRuns() {
        return jdbc.sql("SELECT run_id FROM commentary_run WHERE state = ?").param(RUNNING).query(String.class).list();
    }

    Breadth breadth(String runId) {
        return jdbc.sql("SELECT trade_date, b_traded, b_advancers, b_decliners, b_unchanged, b_limit_ups, "
                        + "b_limit_downs, b_opened FROM commentary_run WHERE run_id = ?").param(runId)
                .query((rs, i) -> new Breadth(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .single();
    }

    /** Whether some running run still waits for {@code articleId}. */
    boolean wanted(String articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM commentary_run_item i JOIN commentary_run r ON r.run_id = i.run_id "
                        + "WHERE i.article_id = ? AND i.status = ? AND r.state = ?")
                .params(articleId, PENDING, RUNNING).query(Integer.class).single() > 0;
    }

    /** Settles every pending item of {@code articleId} (runs may share an article) and closes runs left empty. */
    void settle(String articleId, ArticleStatus status, String error) {
        List<String> runs = tx.execute(s -> {
            List<String> waiting = jdbc.sql("SELECT run_id FROM commentary_run_item WHERE article_id = ? AND status = ?")
                    .params(articleId, PENDING).query(String.class).list();
            jdbc.sql("UPDATE commentary_run_item SET status = ?, error = ? WHERE article_id = ? AND status = ?")
                    .params(status.id(), error == null ? null : clip(error), articleId, PENDING).update();
            return waiting;
        });
        // after the commit, not inside it: two last items settling at once each see the other still pending inside
        // their own transactions, but whichever checks last sees both committed
        for (String run : runs == null ? List.<String>of() : runs) {
            jdbc.sql("UPDATE commentary_run SET state = ?, finished_at = ? WHERE run_id = ? AND state = ? "
                            + "AND NOT EXISTS (SELECT 1 FROM commentary_run_item WHERE run_id = ? AND status = ?)")
                    .params(DONE, now(), run, RUNNING, run, PENDING).update();
        }
    }

    boolean cancel(String runId) {
        return jdbc.sql("UPDATE commentary_run SET state = ?, finished_at = ? WHERE run_id = ? AND state = ?")
                .params(CANCELLED, now(), runId, RUNNING).update() > 0;
    }

    Optional<RunView> get(String runId) {
        return list("WHERE run_id = ?", List.of(runId), 1).stream().findFirst();
    }

    List<RunView> list(int limit) {
        return list("", List.of(), limit);
    }

    int active() {
        return jdbc.sql("SELECT COUNT(*) FROM commentary_run WHERE state = ?").param(RUNNING).query(Integer.class).single();
    }

    private List<RunView> list(String where, List<Object> params, int limit) {
        List<Object> p = new java.util.ArrayList<>(params);
        p.add(limit);
        List<RunView> runs = jdbc.sql("SELECT run_id, trade_date, universe, types, total, state, started_at, finished_at "
                        + "FROM commentary_run " + where + " ORDER BY started_at DESC LIMIT ?").params(p)
                .query((rs, i) -> new RunView(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        Arrays.asList(rs.getString(4).split(",")), rs.getInt(5), 0, 0, 0, 0, 0, rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class)))
                .list();
        return runs.stream().map(this::withCounts).toList();
    }

    private RunView withCounts(RunView r) {
        Map<String, Integer> c = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM commentary_run_item WHERE run_id = ? GROUP BY status").param(r.id())
                .query(rs -> {
                    c.put(rs.getString(1), rs.getInt(2));
                });
        return new RunView(r.id(), r.date(), r.universe(), r.types(), r.total(), n(c, ArticleStatus.DONE),
                n(c, ArticleStatus.FAILED), n(c, ArticleStatus.REJECTED), n(c, ArticleStatus.SKIPPED),
                n(c, ArticleStatus.CANCELLED), r.state(), r.startedAt(), r.finishedAt());
    }

    private static int n(Map<String, Integer> counts, ArticleStatus s) {
        return counts.getOrDefault(s.id(), 0);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
