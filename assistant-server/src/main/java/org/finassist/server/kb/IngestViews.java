package org.finassist.server.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.finassist.rag.ingest.IngestResult;

/** JSON shapes of ingestion results and jobs. */
final class IngestViews {

    private IngestViews() {
    }

    static List<Map<String, Object>> of(List<IngestResult> results) {
        return results.stream().map(IngestViews::of).toList();
    }

    static Map<String, Object> of(IngestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        switch (r) {
            case IngestResult.Indexed i -> {
                m.put("status", "INDEXED");
                m.put("docId", i.docId());
                m.put("chunks", i.chunks());
                m.put("warnings", i.warnings());
            }
            case IngestResult.Unchanged u -> {
                m.put("status", "UNCHANGED");
                m.put("docId", u.docId());
            }
            case IngestResult.Failed f -> {
                m.put("status", "FAILED");
                m.put("error", f.reason());
            }
        }
        return m;
    }

    static Map<String, Object> of(IngestJobStore.StoredJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", job.id());
        m.put("kbId", job.kbId());
        m.put("state", job.state());
        var p = job.progress();
        m.put("progress", Map.of("fileIndex", p.fileIndex(), "fileCount", p.fileCount(), "file", p.file(),
                "chunksDone", p.chunksDone(), "chunksTotal", p.chunksTotal()));
        m.put("results", job.results());
        m.put("startedAt", job.startedAt().toString());
        m.put("updatedAt", job.updatedAt().toString());
        return m;
    }
}
