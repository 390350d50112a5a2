package org.finassist.server.keys;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code key_spend}: one row per key, model and day. Adds are an atomic {@code UPDATE … SET x = x + ?}, else an
 * insert, else (another node inserted first) the update again — the same on PostgreSQL and H2, and exact when
 * several nodes add to one row at once.
 */
final class SpendStore {

    /** Today's and this month's spend of one key. */
    record Totals(BigDecimal today, BigDecimal month) {
    }

    private final JdbcClient jdbc;

    SpendStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Spend s) {
        if (update(s) > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO key_spend (key_id, spend_day, model, requests, prompt_tokens, completion_tokens, cost_cny)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(s.keyId(), s.day(), s.model(), s.requests(), s.promptTokens(), s.completionTokens(),
                            s.costCny()).update();
        } catch (DuplicateKeyException e) {
            update(s);
        }
    }

    private int update(Spend s) {
        return jdbc.sql("UPDATE key_spend SET requests = requests + ?, prompt_tokens = prompt_tokens + ?,"
                        + " completion_tokens = completion_tokens + ?, cost_cny = cost_cny + ?"
                        + " WHERE key_id = ? AND spend_day = ? AND model = ?")
                .params(s.requests(), s.promptTokens(), s.completionTokens(), s.costCny(), s.keyId(), s.day(),
                        s.model()).update();
    }

    Totals totals(long keyId, LocalDate today) {
        return jdbc.sql("SELECT COALESCE(SUM(CASE WHEN spend_day = ? THEN cost_cny END), 0), COALESCE(SUM(cost_cny), 0)"
                        + " FROM key_spend WHERE key_id = ? AND spend_day >= ? AND spend_day <= ?")
                .params(today, keyId, today.withDayOfMonth(1), today)
                .query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2))).single();
    }

    List<Spend> rows(long keyId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT spend_day, model, requests, prompt_tokens, completion_tokens, cost_cny FROM key_spend"
                        + " WHERE key_id = ? AND spend_day >= ? AND spend_day <= ? ORDER BY spend_day, model")
                .params(keyId, from, to)
                .query((rs, n) -> new Spend(keyId, rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)))
                .list();
    }
}
