package org.finassist.server.ops;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the stored chat history says, over all time: answers, answers handed off to a human, the robot answer
 * share (answered without hand-off), answers per scenario and the customers' feedback.
 */
record ChatFigures(long answers, long handedOff, double robotShare, Map<String, Long> answersByScenario,
                   long helpful, long notHelpful, Map<String, Long> notHelpfulByReason) {

    static ChatFigures read(JdbcClient jdbc) {
        long answers = count(jdbc, "SELECT COUNT(*) FROM chat_messages WHERE role = 'assistant'");
        long handedOff = count(jdbc, "SELECT COUNT(*) FROM chat_messages WHERE role = 'assistant' AND handed_off");
        double share = answers == 0 ? 0 : Math.round((answers - handedOff) * 10000.0 / answers) / 10000.0;
        return new ChatFigures(answers, handedOff, share,
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
