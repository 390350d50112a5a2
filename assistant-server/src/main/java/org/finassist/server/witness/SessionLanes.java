package org.finassist.server.witness;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs work for different sessions in parallel on virtual threads while keeping each session's frames in
 * arrival order: one runtime connection multiplexes many sessions, and one slow turn (a database write, an
 * off-script answer from a model) must not hold up the others.
 */
final class SessionLanes {

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    void submit(String sessionId, Runnable work) {
        Lane lane = lanes.computeIfAbsent(sessionId, id -> new Lane());
        lane.queue.add(work);
        lane.drainIfIdle();
    }

    /** Drops an ended session's lane; frames that still arrive for it get a fresh lane (and an error frame). */
    void forget(String sessionId) {
        lanes.remove(sessionId);
    }

    int size() {
        return lanes.size();
    }

    private static final class Lane {
        final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean();

        void drainIfIdle() {
            if (running.compareAndSet(false, true)) {
                Thread.ofVirtual().name("witness-", 0).start(this::drain);
            }
        }

        private void drain() {
            do {
                Runnable next;
                while ((next = queue.poll()) != null) {
                    next.run();
                }
                running.set(false);
            } while (!queue.isEmpty() && running.compareAndSet(false, true));
        }
    }
}
