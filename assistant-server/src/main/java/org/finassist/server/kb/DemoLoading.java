package org.finassist.server.kb;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo knowledge base's first load. On a first start the server answers HTTP while the demo files are still
 * being embedded (about half a minute on two cores); a customer who asks then would be told the knowledge base has
 * nothing on the question. Retrieval waits for the load instead, bounded, so the first answers are the real ones.
 * Decided at construction, before the port opens: a load is pending when the demo knowledge base is enabled and
 * does not exist yet.
 */
final class DemoLoading {

    private static final Logger log = LoggerFactory.getLogger(DemoLoading.class);

    private final CountDownLatch loaded;

    DemoLoading(boolean pending) {
        this.loaded = new CountDownLatch(pending ? 1 : 0);
    }

    /** The load finished (or failed, or will not happen): nobody waits any more. */
    void done() {
        loaded.countDown();
    }

    boolean pending() {
        return loaded.getCount() > 0;
    }

    /** Waits while the first load runs, at most {@code max}; then retrieval reads whatever is indexed. */
    void await(Duration max) {
        if (!pending()) return;
        try {
            if (!loaded.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The demo knowledge base is still loading after {}; answering from what is indexed", max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
