package org.finassist.core.router;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter (AWS architecture blog), never past the request's deadline. */
final class Backoff {

    private Backoff() {
    }

    static long nanos(RouterConfig config, int failures, long remainingNanos) {
        if (failures <= 0) {
            return 0;
        }
        long cap = Math.min(config.backoffMax().toNanos(),
                config.backoffBase().toNanos() << Math.min(failures - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(cap + 1);
        return Math.max(0, Math.min(jittered, remainingNanos / 4));
    }
}
