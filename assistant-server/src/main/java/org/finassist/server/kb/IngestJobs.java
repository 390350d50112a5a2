package org.finassist.server.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.ingest.IngestProgress;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.ingest.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion batches run on virtual threads; their progress is polled by id. Jobs live in memory: a restart loses
 * the progress view, not the indexed documents (each document is committed when done).
 */
class IngestJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

    /** A batch's state as shown to the uploader. */
    record Job(String id, String kbId, String state, IngestProgress progress, List<IngestResult> results) {
    }

    private final KnowledgeIndex index;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final java.util.Set<Thread> running = ConcurrentHashMap.newKeySet();

    IngestJobs(KnowledgeIndex index) {
        this.index = index;
    }

    Job submit(String kbId, List<SourceFile> files) {
        String id = UUID.randomUUID().toString();
        jobs.put(id, new Job(id, kbId, "RUNNING", new IngestProgress(0, files.size(), "", 0, 0), List.of()));
        Thread t = Thread.ofVirtual().name("kb-ingest-" + id).unstarted(() -> {
            try {
                run(id, kbId, files);
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        running.add(t);
        t.start();
        return jobs.get(id);
    }

    /**
     * Waits (bounded) for running ingestions on shutdown: the embedding model runs in onnxruntime's native code,
     * and a JVM that exits under a running inference can crash.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        for (Thread t : List.copyOf(running)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("Ingest job thread {} still running at shutdown", t.getName());
                continue;
            }
            try {
                t.join(java.time.Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(String id, String kbId, List<SourceFile> files) {
        try {
            List<IngestResult> results = index.ingest(kbId, files,
                    p -> jobs.computeIfPresent(id, (k, j) -> new Job(id, kbId, "RUNNING", p, List.of())));
            jobs.put(id, new Job(id, kbId, "DONE", jobs.get(id).progress(), results));
            long failed = results.stream().filter(r -> r instanceof IngestResult.Failed).count();
            log.info("Ingest job {} into {}: {} files, {} failed", id, kbId, results.size(), failed);
        } catch (RuntimeException e) {
            log.error("Ingest job {} into {} failed", id, kbId, e);
            jobs.put(id, new Job(id, kbId, "FAILED", jobs.get(id).progress(), List.of()));
        }
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
