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

    IngestJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, String kbId, int files) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO kb_ingest_job (id, kb_id, state, file_index, file_count, current_file, chunks_done,"
                        + " chunks_total, results, started_at, updated_at) VALUES (?, ?, 'RUNNING', 0, ?, '', 0, 0, '[]', ?, ?)")
                .params(id, kbId, files, now, now).update();
    }

    void progress(String id, IngestProgress p) {
        // state too: a job another node marked INTERRUPTED at its start shows RUNNING again while it progresses
        jdbc.sql("UPDATE kb_ingest_job SET state = 'RUNNING', file_index = ?, file_count = ?, current_file = ?, chunks_done = ?,"
                        + " chunks_total = ?, updated_at = ? WHERE id = ?")
                .params(p.fileIndex(), p.fileCount(), truncate(p.file()), p.chunksDone(), p.chunksTotal(),
                        Timestamp.from(Instant.now()), id).update();
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

    /** Jobs a node was running when it stopped are marked interrupted at its next start. */
    int interruptRunning() {
        return jdbc.sql("UPDATE kb_ingest_job SET state = 'INTERRUPTED', updated_at = ? WHERE state = 'RUNNING'")
                .param(Timestamp.from(Instant.now())).update();
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
