package org.finassist.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the multipart requests a node handles at once, taken before the body is read or parsed: six parallel
 * 250 MiB uploads once exhausted a 1 GB heap. A request that finds no slot within the configured wait gets 503 with
 * {@code Retry-After}. Runs after Spring Security, so only callers allowed to upload can take a slot.
 */
final class UploadGate extends OncePerRequestFilter {

    private final Semaphore slots;
    private final long waitMillis;

    UploadGate(ResourceLimitProperties limits) {
        this.slots = new Semaphore(limits.uploadConcurrency(), true);
        this.waitMillis = limits.uploadWait().toMillis();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            ProblemResponses.write(request, response, new ProblemResponses.Refusal(503, "Service Unavailable",
                    "uploads_busy", "server_error", "uploads_busy", "上传的人太多了，请稍后再试。",
                    "All upload slots of this node are in use; retry later."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    int available() {
        return slots.availablePermits();
    }
}
