package org.finassist.server.retention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes what is past its retention period, one data kind per transaction: feedback, conversations (messages and
 * their feedback first), opening sessions, and ended witness sessions with their audit records and decisions.
 */
final class RetentionPurge {

    /** Rows removed by one run, per kind. */
    record Purged(long feedback, long conversations, long messages, long openingSessions, long witnessSessions,
                  long witnessAuditRecords) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RetentionProperties periods;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, TransactionTemplate tx, RetentionProperties periods, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.periods = periods;
        this.clock = clock;
    }

    Purged run() {
        Instant now = clock.instant();
        OffsetDateTime feedbackCutoff = OffsetDateTime.ofInstant(now.minus(periods.feedback()), ZoneOffset.UTC);
        OffsetDateTime chatCutoff = OffsetDateTime.ofInstant(now.minus(periods.chatHistory()), ZoneOffset.UTC);
        long openingCutoff = now.minus(periods.openingSessions()).toEpochMilli();
        long witnessCutoff = now.minus(periods.witnessRecords()).toEpochMilli();

        long feedback = tx.execute(s -> (long) jdbc.sql("DELETE FROM chat_feedback WHERE created_at < ?")
                .param(feedbackCutoff).update());
        long[] chat = tx.execute(s -> {
            String old = "SELECT id FROM chat_conversations WHERE updated_at < ?";
            jdbc.sql("DELETE FROM chat_feedback WHERE conversation_id IN (" + old + ")").param(chatCutoff).update();
            long messages = jdbc.sql("DELETE FROM chat_messages WHERE conversation_id IN (" + old + ")")
                    .param(chatCutoff).update();
            long conversations = jdbc.sql("DELETE FROM chat_conversations WHERE updated_at < ?").param(chatCutoff)
                    .update();
            return new long[]{conversations, messages};
        });
        long opening = tx.execute(s -> (long) jdbc.sql("DELETE FROM opening_session WHERE updated_at_millis < ?")
                .param(openingCutoff).update());
        long[] witness = tx.execute(s -> {
            String old = "SELECT session_id FROM dh_session WHERE status = 'ENDED' AND updated_at_millis < ?";
            long audit = jdbc.sql("DELETE FROM dh_audit_record WHERE session_id IN (" + old + ")")
                    .param(witnessCutoff).update();
            jdbc.sql("DELETE FROM dh_decision WHERE session_id IN (" + old + ")").param(witnessCutoff).update();
            long sessions = jdbc.sql("DELETE FROM dh_session WHERE status = 'ENDED' AND updated_at_millis < ?")
                    .param(witnessCutoff).update();
            return new long[]{sessions, audit};
        });
        return new Purged(feedback, chat[0], chat[1], opening, witness[0], witness[1]);
    }
}
