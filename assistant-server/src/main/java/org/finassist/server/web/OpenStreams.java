package org.finassist.server.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answer streams open on this node (chat SSE, the {@code /v1} gateway's streams), and what happens to them at
 * shutdown. The web server's graceful shutdown
 * lets running requests finish for up to the drain ({@code spring.lifecycle.timeout-per-shutdown-phase}); this
 * runs in the same phase, and streams still open {@code endBefore} ahead of that deadline are ended explicitly by
 * {@link Stream#endForShutdown} (an error event the client can read, then the stream's end) and their request
 * threads interrupted so the provider call stops. Without it, Spring cut such a stream with no event at all.
 */
public final class OpenStreams implements SmartLifecycle {

    /** A stream that can be ended for a shutdown from another thread. */
    public interface Stream {

        /**
         * Writes the stream's shutdown error and its end and stops it (later writes are dropped); false when it had
         * ended already. Called from the drain's thread while the request thread may still be writing.
         */
        boolean endForShutdown();
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpenStreams.class);
    /** Boot's graceful web server shutdown phase ({@code WebServerGracefulShutdownLifecycle}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final Map<Stream, Thread> open = new ConcurrentHashMap<>();
    private final Duration drain;
    private final Duration endBefore;
    private volatile boolean running;

    public OpenStreams(Duration drain, Duration endBefore) {
        this.drain = drain;
        this.endBefore = endBefore;
    }

    /** Called on the request thread when the stream starts. */
    public void opened(Stream stream) {
        open.put(stream, Thread.currentThread());
    }

    /** Called on the request thread when the stream ended, whichever way. */
    public void closed(Stream stream) {
        open.remove(stream);
    }

    public int count() {
        return open.size();
    }

    /** Ends every open stream now (see the class description); returns how many were ended. */
    public int endAll() {
        int n = 0;
        for (Map.Entry<Stream, Thread> e : List.copyOf(open.entrySet())) {
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
        Thread.ofVirtual().name("stream-drain").start(() -> {
            try {
                while (!open.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                int ended = endAll();
                if (ended > 0) {
                    LOG.warn("{} answer stream(s) still open at the drain deadline ({}): ended with an error event",
                            ended, drain);
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
