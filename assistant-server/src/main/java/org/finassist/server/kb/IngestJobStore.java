package org.finassist.server.kb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.rag.ingest.IngestProgress;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingestion jobs in the application database, so that any node (and a restarted one) can answer a progress poll.
 * Results are stored as the JSON the API shows.
 */
class IngestJobStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> RESULTS = new TypeReference<>() {
    };

    /** A job as stored: results already in their API shape. */
    record StoredJob(String id, String kbId, String state, IngestProgress progress, List<Map<String, Object>> results,
                     Instant startedAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final String nodeId;

    /** {@code nodeId}: this node, the owner of the jobs it creates. */
    IngestJobStore(JdbcClient jdbc, String nodeId) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
    }

    void create(String id, String kbId, int files) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO kb_ingest_job (id, kb_id, state, file_index, file_count, current_file, chunks_done,"
                        + " chunks_total, results, started_at, updated_at, owner_node, heartbeat_millis)"
                        + " VALUES (?, ?, 'RUNNING', 0, ?, '', 0, 0, '[]', ?, ?, ?, ?)")
                .params(id, kbId, files, now, now, nodeId, System.currentTimeMillis()).update();
    }

    /** Renews this node's claim on the jobs it is running. */
    int heartbeat(java.util.Collection<String> ids) {
        int n = 0;
        for (String id : ids) {
            n += jdbc.sql("UPDATE kb_ingest_job SET heartbeat_millis = ? WHERE id = ? AND owner_node = ?")
                    .params(System.currentTimeMillis(), id, nodeId).update();
        }
        return n;
    }

    /**
     * Marks INTERRUPTED the running jobs whose owner (another node, or this one before a restart) has not renewed
     * them since {@code silentSinceMillis}: a crashed node's jobs stop showing RUNNING within a bounded time.
     */
    int interruptAbandoned(long silentSinceMillis) {
        return jdbc.sql("UPDATE kb_ingest_job SET state = 'INTERRUPTED', updated_at = ? WHERE state = 'RUNNING'"
                        + " AND (heartbeat_millis IS NULL OR heartbeat_millis < ?)")
                .params(Timestamp.from(Instant.now()), silentSinceMillis).update();
    }

    void progress(String id, IngestProgress p) {
        // state too: a job marked INTERRUPTED while its owner was only slow (a long pause) shows RUNNING again
        jdbc.sql("UPDATE kb_ingest_job SET state = 'RUNNING', file_index = ?, file_count = ?, current_file = ?, chunks_done = ?,"
                        + " chunks_total = ?, updated_at = ?, heartbeat_millis = ? WHERE id = ?")
                .params(p.fileIndex(), p.fileCount(), truncate(p.file()), p.chunksDone(), p.chunksTotal(),
                        Timestamp.from(Instant.now()), System.currentTimeMillis(), id).update();
    }

    void finish(String id, String state, List<Map<String, Object>> results) {
        jdbc.sql("UPDATE kb_ingest_job SET state = ?, results = ?, updated_at = ? WHERE id = ?")
                .params(state, write(results), Timestamp.from(Instant.now()), id).update();
    }

    /** Finished jobs older than {@code age} are forgotten. */
    int purgeOlderThan(java.time.Duration age) {
        return jdbc.sql("DELETE FROM kb_ingest_job WHERE state <> 'RUNNING' AND updated_at < ?")
                .param(Timestamp.from(Instant.now().minus(age))).update();
    }

    /**
     * The jobs this node (by its id) was running when it stopped are marked interrupted at its next start; other
     * nodes' jobs are left to {@link #interruptAbandoned}. Jobs from before owners were recorded count as this
     * node's only once silent.
     */
    int interruptOwn() {
        return jdbc.sql("UPDATE kb_ingest_job SET state = 'INTERRUPTED', updated_at = ? WHERE state = 'RUNNING'"
                        + " AND owner_node = ?")
                .params(Timestamp.from(Instant.now()), nodeId).update();
    }

    Optional<StoredJob> find(String id) {
        return jdbc.sql("SELECT * FROM kb_ingest_job WHERE id = ?").param(id).query(IngestJobStore::row).optional();
    }

    private static StoredJob row(ResultSet rs, int n) throws SQLException {
        IngestProgress p = new IngestProgress(rs.getInt("file_index"), rs.getInt("file_count"),
                rs.getString("current_file"), rs.getInt("chunks_done"), rs.getInt("chunks_total"));
        return new StoredJob(rs.getString("id"), rs.getString("kb_id"), rs.getString("state"), p,
                read(rs.getString("results")), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String truncate(String file) {
        return file == null ? "" : file.length() <= 500 ? file : file.substring(0, 500);
    }

    private static String write(List<Map<String, Object>> results) {
        try {
            return JSON.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise ingest results", e);
        }
    }

    private static List<Map<String, Object>> read(String json) {
        try {
            return JSON.readValue(json, RESULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ingest results are not JSON", e);
        }
    }
}
