package org.finassist.server.witness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Says goodbye to the runtimes first when the node stops: a phase above the web server's graceful shutdown, so the
 * connections get close code 1001 {@code server_shutdown} (docs/protocol.md: reconnect and rejoin) while the
 * server can still send it, and no open WebSocket holds up the drain of the HTTP requests.
 */
final class RuntimeShutdown implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeShutdown.class);

    private final RuntimeSocketHandler handler;
    private volatile boolean running;

    RuntimeShutdown(RuntimeSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int n = handler.goingAway();
        if (n > 0) {
            LOG.info("Closed {} runtime connection(s) with 1001 going away; their sessions resume where they reconnect",
                    n);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Boot's graceful web server shutdown ({@code DEFAULT_PHASE - 1024}); higher phases stop first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
