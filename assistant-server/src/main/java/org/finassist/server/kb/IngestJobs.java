package org.finassist.server.kb;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.ingest.IngestProgress;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.ingest.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion batches run on virtual threads of the node that received the upload; their progress and results are
 * kept in {@link IngestJobStore}, so a poll may reach any node. The owning node renews a heartbeat on its running
 * jobs; a job whose owner went silent (a crash, {@code kill -9}) is shown as {@code INTERRUPTED} by whichever node
 * notices first, within {@code job-dead-after} plus one heartbeat. The uploaded bytes were on the dead node, so the
 * job cannot be taken over: the documents it finished stay indexed (each is committed whole) and the rest must be
 * uploaded again. A restarted node marks its own former jobs at once.
 */
class IngestJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);
    /** Progress is written at most this often (and whenever the file changes), not once per embedded batch. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final KnowledgeIndex index;
    private final IngestJobStore store;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final Set<String> runningIds = ConcurrentHashMap.newKeySet();
    private final Duration deadAfter;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kb-ingest-heartbeat").factory());

    IngestJobs(KnowledgeIndex index, IngestJobStore store) {
        this(index, store, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** {@code every}: heartbeat and check interval; {@code deadAfter}: silence after which a job is abandoned. */
    IngestJobs(KnowledgeIndex index, IngestJobStore store, Duration every, Duration deadAfter) {
        this.index = index;
        this.store = store;
        this.deadAfter = deadAfter;
        store.purgeOlderThan(Duration.ofDays(30));
        int interrupted = store.interruptOwn();
        if (interrupted > 0) log.warn("{} ingest job(s) were cut off by this node's last stop; shown as INTERRUPTED", interrupted);
        heartbeat.scheduleWithFixedDelay(this::beat, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Renews this node's jobs, then fails the jobs of silent owners. */
    void beat() {
        try {
            store.heartbeat(List.copyOf(runningIds));
            int abandoned = store.interruptAbandoned(System.currentTimeMillis() - deadAfter.toMillis());
            if (abandoned > 0) {
                log.warn("{} ingest job(s) of a node silent for {} shown as INTERRUPTED", abandoned, deadAfter);
            }
        } catch (RuntimeException e) {
            log.warn("Ingest job heartbeat failed: {}", e.toString());
        }
    }

    IngestJobStore.StoredJob submit(String kbId, List<SourceFile> files) {
        return submit(kbId, files, () -> { });
    }

    /** {@code whenDone} runs once the job ends, however it ends. */
    IngestJobStore.StoredJob submit(String kbId, List<SourceFile> files, Runnable whenDone) {
        return start(kbId, files.size(), progress -> index.ingest(kbId, files, progress), whenDone);
    }

    /** Rebuilds vectors and tokens of every document of {@code kbId} from the stored chunks, as a job. */
    IngestJobStore.StoredJob submitReindex(String kbId) {
        return start(kbId, index.documents(kbId).size(), progress -> index.reindex(kbId, progress), () -> { });
    }

    private IngestJobStore.StoredJob start(String kbId, int files,
                                           Function<Consumer<IngestProgress>, List<IngestResult>> work,
                                           Runnable whenDone) {
        String id = UUID.randomUUID().toString();
        store.create(id, kbId, files);
        runningIds.add(id);
        Thread t = Thread.ofVirtual().name("kb-ingest-" + id).unstarted(() -> {
            try {
                run(id, kbId, work);
            } finally {
                runningIds.remove(id);
                running.remove(Thread.currentThread());
                whenDone.run();
            }
        });
        running.add(t);
        t.start();
        return store.find(id).orElseThrow();
    }

    Optional<IngestJobStore.StoredJob> find(String id) {
        return store.find(id);
    }

    /**
     * Waits (bounded) for running ingestions on shutdown: the embedding model runs in onnxruntime's native code,
     * and a JVM that exits under a running inference can crash.
     */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread t : List.copyOf(running)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("Ingest job thread {} still running at shutdown", t.getName());
                continue;
            }
            try {
                t.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(String id, String kbId, Function<Consumer<IngestProgress>, List<IngestResult>> work) {
        try {
            List<IngestResult> results = work.apply(new Throttled(id));
            store.finish(id, "DONE", IngestViews.of(results));
            long failed = results.stream().filter(r -> r instanceof IngestResult.Failed).count();
            log.info("Ingest job {} into {}: {} files, {} failed", id, kbId, results.size(), failed);
        } catch (RuntimeException e) {
            log.error("Ingest job {} into {} failed", id, kbId, e);
            store.finish(id, "FAILED", List.of());
        }
    }

    /** Writes progress when the file changes or the last write is older than the interval. */
    private final class Throttled implements Consumer<IngestProgress> {
        private final String id;
        private long lastWrite;
        private int lastFile = -1;

        Throttled(String id) {
            this.id = id;
        }

        @Override
        public void accept(IngestProgress p) {
            long now = System.nanoTime();
            boolean done = p.chunksTotal() > 0 && p.chunksDone() == p.chunksTotal();
            if (p.fileIndex() != lastFile || done || now - lastWrite >= PROGRESS_EVERY_NANOS) {
                store.progress(id, p);
                lastWrite = now;
                lastFile = p.fileIndex();
            }
        }
    }
}
