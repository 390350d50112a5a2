package org.finassist.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finassist.security.limits.*}: server-wide bounds on what uploads and slow clients can hold.
 *
 * @param uploadConcurrency multipart requests (ID photos, knowledge-base documents) handled at once on this node;
 *                          with the per-request size caps this bounds the bytes uploads can buffer
 * @param uploadWait        how long a further upload waits for a slot before 503 with Retry-After
 * @param minBodyRate       bytes per second a request body must average once {@code bodyRateGrace} has passed;
 *                          a slower body (a slow-loris trickle) is cut with 408
 * @param bodyRateGrace     time a body may take before its rate is judged (a phone on a poor network starts slowly)
 */
@ConfigurationProperties("finassist.security.limits")
record ResourceLimitProperties(int uploadConcurrency, Duration uploadWait, long minBodyRate, Duration bodyRateGrace) {

    ResourceLimitProperties {
        uploadConcurrency = uploadConcurrency <= 0 ? 4 : uploadConcurrency;
        uploadWait = uploadWait == null ? Duration.ofSeconds(2) : uploadWait;
        minBodyRate = minBodyRate <= 0 ? 2048 : minBodyRate;
        bodyRateGrace = bodyRateGrace == null ? Duration.ofSeconds(10) : bodyRateGrace;
    }
}
