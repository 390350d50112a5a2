package org.finassist.server.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat streams open on this node, and what happens to them at shutdown. The web server's graceful shutdown
 * lets running requests finish for up to the drain ({@code spring.lifecycle.timeout-per-shutdown-phase}); this
 * runs in the same phase, and streams still open {@code endBefore} ahead of that deadline are ended explicitly:
 * an {@code error} event with code {@code shutdown} and a {@code done} event, the answer so far stored as
 * {@code interrupted} (a retry of the turn is answered afresh, it is not replayed), and the request thread
 * interrupted so the provider call stops. Without it, Spring cut such a stream with no event and no stored answer.
 */
final class OpenStreams implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStreams.class);
    /** Boot's graceful web server shutdown phase ({@code WebServerGracefulShutdownLifecycle}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final Map<ChatTurnStream, Thread> open = new ConcurrentHashMap<>();
    private final Duration drain;
    private final Duration endBefore;
    private volatile boolean running;

    OpenStreams(Duration drain, Duration endBefore) {
        this.drain = drain;
        this.endBefore = endBefore;
    }

    void opened(ChatTurnStream stream) {
        open.put(stream, Thread.currentThread());
    }

    void closed(ChatTurnStream stream) {
        open.remove(stream);
    }

    int count() {
        return open.size();
    }

    /** Ends every open stream now (see the class description); returns how many were ended. */
    int endAll() {
        int n = 0;
        for (Map.Entry<ChatTurnStream, Thread> e : List.copyOf(open.entrySet())) {
            LOG.info("Ending the chat stream of {} on thread {} ({})", e.getKey().conversationId(),
                    e.getValue().getName(), e.getValue().getState());
            if (e.getKey().endForShutdown()) {
                e.getValue().interrupt();
                n++;
            }
            open.remove(e.getKey());
        }
        return n;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        endAll();
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        long deadline = System.nanoTime() + Math.max(0, drain.minus(endBefore).toNanos());
        Thread.ofVirtual().name("chat-drain").start(() -> {
            try {
                while (!open.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                int ended = endAll();
                if (ended > 0) {
                    LOG.warn("{} chat stream(s) still open at the drain deadline ({}): ended with an error event and "
                            + "stored as interrupted", ended, drain);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                endAll();
            } finally {
                callback.run();
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
