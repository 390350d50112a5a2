package org.finassist.server.ops;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the stored chat history says, over all time. {@code resolutionRate} replaces the old robot share: of the turns
 * with a recorded outcome, the share that were answered (not declined, not withheld to the fallback, not handed off),
 * got no thumbs-down, and whose conversation was not handed off afterwards. Also: declines, hand-offs by reason
 * (conversations), sentences withheld by route and rule ({@code route/rule}), answers per scenario, feedback.
 */
record ChatFigures(long answers, long turns, long resolved, double resolutionRate, long declined, long withheld,
                   long handedOff, Map<String, Long> handoffsByReason, Map<String, Long> withholdsByRouteAndRule,
                   Map<String, Long> answersByScenario, long helpful, long notHelpful,
                   Map<String, Long> notHelpfulByReason) {

    /** A turn's answer that counts as resolved (see the record's description); {@code m} is chat_messages. */
    static final String RESOLVED = "m.role = 'assistant' AND m.outcome = 'answered' AND NOT m.handed_off"
            + " AND NOT EXISTS (SELECT 1 FROM chat_feedback f WHERE f.message_id = m.id AND NOT f.helpful)"
            + " AND NOT EXISTS (SELECT 1 FROM chat_conversations c WHERE c.id = m.conversation_id"
            + "   AND c.handoff_at IS NOT NULL AND c.handoff_at >= m.created_at)";

    static ChatFigures read(JdbcClient jdbc) {
        long answers = count(jdbc, "SELECT COUNT(*) FROM chat_messages WHERE role = 'assistant'");
        long turns = count(jdbc, "SELECT COUNT(*) FROM chat_messages WHERE role = 'assistant' AND outcome IS NOT NULL");
        long resolved = count(jdbc, "SELECT COUNT(*) FROM chat_messages m WHERE " + RESOLVED);
        double rate = turns == 0 ? 0 : Math.round(resolved * 10000.0 / turns) / 10000.0;
        return new ChatFigures(answers, turns, resolved, rate,
                count(jdbc, "SELECT COUNT(*) FROM chat_messages WHERE role = 'assistant' AND outcome = 'declined'"),
                count(jdbc, "SELECT COUNT(*) FROM chat_messages WHERE role = 'assistant' AND outcome = 'withheld'"),
                count(jdbc, "SELECT COUNT(*) FROM chat_conversations WHERE handoff_reason IS NOT NULL"),
                grouped(jdbc, "SELECT handoff_reason, COUNT(*) FROM chat_conversations WHERE handoff_reason IS NOT NULL"
                        + " GROUP BY handoff_reason"),
                grouped(jdbc, "SELECT route || '/' || rule, COUNT(*) FROM answer_withholds GROUP BY route, rule"),
                grouped(jdbc, "SELECT COALESCE(scenario, 'unknown'), COUNT(*) FROM chat_messages"
                        + " WHERE role = 'assistant' GROUP BY scenario"),
                count(jdbc, "SELECT COUNT(*) FROM chat_feedback WHERE helpful"),
                count(jdbc, "SELECT COUNT(*) FROM chat_feedback WHERE NOT helpful"),
                grouped(jdbc, "SELECT COALESCE(reason, 'none'), COUNT(*) FROM chat_feedback WHERE NOT helpful"
                        + " GROUP BY reason"));
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Map<String, Long> grouped(JdbcClient jdbc, String sql) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql(sql).query((rs, n) -> out.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
        return out;
    }
}
