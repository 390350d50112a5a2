package org.finassist.server.retention;

import org.finassist.server.support.MigratedH2;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job's deletions on H2 (the embedded default's database), each kind with its own period. */
class RetentionPurgeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    private final DataSource ds = MigratedH2.dataSource("retention");
    private final JdbcClient jdbc = JdbcClient.create(ds);
    private final RetentionProperties periods = new RetentionProperties(true, null, Duration.ofDays(90),
            Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(365));

    private void conversation(String id, Duration age, String feedbackAge) {
        OffsetDateTime at = OffsetDateTime.ofInstant(NOW.minus(age), ZoneOffset.UTC);
        jdbc.sql("INSERT INTO chat_conversations (id, scenario, owner, created_at, updated_at) VALUES (?, 'qa', 'c', ?, ?)")
                .params(id, at, at).update();
        jdbc.sql("INSERT INTO chat_messages (conversation_id, role, content, created_at) VALUES (?, 'user', '问', ?)")
                .params(id, at).update();
        long message = jdbc.sql("SELECT MAX(id) FROM chat_messages").query(Long.class).single();
        if (feedbackAge != null) {
            jdbc.sql("INSERT INTO chat_feedback (conversation_id, message_id, helpful, created_at) VALUES (?, ?, TRUE, ?)")
                    .params(id, message, OffsetDateTime.ofInstant(NOW.minus(Duration.parse(feedbackAge)),
                            ZoneOffset.UTC)).update();
        }
    }

    private void witness(String id, String status, Duration age) {
        long at = NOW.minus(age).toEpochMilli();
        jdbc.sql("INSERT INTO dh_session (session_id, runtime_id, status, state, updated_at_millis) VALUES (?, 'rt', ?, '{}', ?)")
                .params(id, status, at).update();
        jdbc.sql("INSERT INTO dh_audit_record (session_id, seq, at_millis, kind, actor, payload, prev_hash, record_hash)"
                + " VALUES (?, 1, ?, 'speak', 'engine', '{}', 'p', 'h')").params(id, at).update();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void eachKindIsDeletedAfterItsOwnPeriodAndNothingYounger() {
        conversation("old", Duration.ofDays(100), "P40D");     // history past 90 days: all of it goes
        conversation("recent", Duration.ofDays(10), "P5D");    // kept, feedback too
        conversation("kept-old-feedback", Duration.ofDays(50), "P31D");   // history kept, feedback past 30 days goes
        long now = NOW.toEpochMilli();
        jdbc.sql("INSERT INTO opening_session (session_id, state, created_at_millis, updated_at_millis) VALUES"
                + " ('o-old', 'x', ?, ?), ('o-new', 'x', ?, ?)")
                .params(now - Duration.ofDays(8).toMillis(), now - Duration.ofDays(8).toMillis(),
                        now - Duration.ofDays(1).toMillis(), now - Duration.ofDays(1).toMillis()).update();
        witness("w-old-ended", "ENDED", Duration.ofDays(400));
        witness("w-old-open", "ESCALATED", Duration.ofDays(400));  // never deleted while a decision is pending
        witness("w-new-ended", "ENDED", Duration.ofDays(10));

        RetentionPurge.Purged p = new RetentionPurge(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)),
                periods, Clock.fixed(NOW, ZoneOffset.UTC)).run();

        assertThat(jdbc.sql("SELECT id FROM chat_conversations ORDER BY id").query(String.class).list())
                .containsExactly("kept-old-feedback", "recent");
        assertThat(count("chat_messages")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT conversation_id FROM chat_feedback").query(String.class).list())
                .containsExactly("recent");
        assertThat(jdbc.sql("SELECT session_id FROM opening_session").query(String.class).list()).containsExactly("o-new");
        assertThat(jdbc.sql("SELECT session_id FROM dh_session ORDER BY session_id").query(String.class).list())
                .containsExactly("w-new-ended", "w-old-open");
        assertThat(jdbc.sql("SELECT session_id FROM dh_audit_record ORDER BY session_id").query(String.class).list())
                .containsExactly("w-new-ended", "w-old-open");
        assertThat(p).isEqualTo(new RetentionPurge.Purged(2, 1, 1, 1, 1, 1));
    }
}
