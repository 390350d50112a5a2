package org.finassist.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** {@code ops_node_snapshot}: every node's counters over time (see {@link ClusterFigures}). */
final class OpsSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JdbcClient jdbc;

    OpsSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(String nodeId, long takenAtMillis, long startedAtMillis, NodeFigures figures) {
        try {
            jdbc.sql("INSERT INTO ops_node_snapshot (node_id, taken_at_millis, started_at_millis, figures)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(nodeId, takenAtMillis, startedAtMillis, JSON.writeValueAsString(figures)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise ops figures", e);
        }
    }

    /**
     * Forgets snapshots older than {@code beforeMillis}, except the last one of each node run: those carry the run's
     * final counts, without which the cluster totals would go down.
     */
    int purge(long beforeMillis) {
        return jdbc.sql("DELETE FROM ops_node_snapshot o WHERE o.taken_at_millis < ? AND o.taken_at_millis < ("
                        + "SELECT MAX(i.taken_at_millis) FROM ops_node_snapshot i"
                        + " WHERE i.node_id = o.node_id AND i.started_at_millis = o.started_at_millis)")
                .param(beforeMillis).update();
    }

    List<ClusterFigures.Snapshot> all() {
        return jdbc.sql("SELECT node_id, taken_at_millis, started_at_millis, figures FROM ops_node_snapshot")
                .query((rs, n) -> new ClusterFigures.Snapshot(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        parse(rs.getString(4))))
                .list();
    }

    private static NodeFigures parse(String json) {
        try {
            NodeFigures f = JSON.readValue(json, NodeFigures.class);
            return new NodeFigures(f.counters() == null ? java.util.Map.of() : f.counters(),
                    f.providers() == null ? List.of() : f.providers(),
                    f.gauges() == null ? java.util.Map.of() : f.gauges());
        } catch (JsonProcessingException e) {
            return NodeFigures.EMPTY; // a row this version cannot read counts as nothing rather than failing the page
        }
    }
}
