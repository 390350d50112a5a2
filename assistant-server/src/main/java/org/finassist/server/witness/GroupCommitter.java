package org.finassist.server.witness;

import org.finassist.dh.session.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit: the writes of many sessions' turns that arrive together share one database transaction (one
 * WAL flush), so throughput does not stop at one fsync per turn. Each caller still returns only after its own
 * writes committed. A failed batch is retried item by item, so one bad write fails only its own turn.
 */
final class GroupCommitter implements Transactions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_BATCH = 200;

    private final TransactionTemplate transactions;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    GroupCommitter(TransactionTemplate transactions, int writers) {
        this.transactions = transactions;
        for (int i = 0; i < writers; i++) {
            this.writers.add(Thread.ofPlatform().daemon().name("witness-commit-" + i).start(this::writeLoop));
        }
    }

    @Override
    public void inTransaction(Runnable work) {
        if (!running) {
            throw new IllegalStateException("witness writer stopped");
        }
        Item item = new Item(work, new CompletableFuture<>());
        queue.add(item);
        try {
            item.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void writeLoop() {
        List<Item> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Item> batch) {
        try {
            transactions.executeWithoutResult(status -> batch.forEach(item -> item.work().run()));
            batch.forEach(item -> item.done().complete(null));
        } catch (RuntimeException batchFailure) {
            LOG.warn("Witness group commit of {} turns failed ({}); retrying one by one", batch.size(),
                    batchFailure.toString());
            for (Item item : batch) {
                try {
                    transactions.executeWithoutResult(status -> item.work().run());
                    item.done().complete(null);
                } catch (RuntimeException e) {
                    item.done().completeExceptionally(e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writers.forEach(Thread::interrupt);
        Item item;
        while ((item = queue.poll()) != null) {
            item.done().completeExceptionally(new IllegalStateException("witness writer stopped"));
        }
    }

    private record Item(Runnable work, CompletableFuture<Void> done) {
    }
}
