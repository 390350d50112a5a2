package org.finassist.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * A minimum request data rate: a body read through {@code getInputStream()} (JSON APIs, the gateway, streamed
 * knowledge-base uploads) must average {@code minBodyRate} bytes per second once the grace time has passed, or the
 * request ends with 408 and the connection is closed. Tomcat's {@code connection-timeout} already cuts a client that
 * sends nothing at all; this cuts one that trickles a byte now and then to stay under it (slow loris). Bodies the
 * container parses itself (multipart ID photos) are covered by the timeout, their size cap and the upload gate.
 */
final class MinimumBodyRate extends OncePerRequestFilter {

    private final long minRate;
    private final long graceNanos;

    MinimumBodyRate(ResourceLimitProperties limits) {
        this.minRate = limits.minBodyRate();
        this.graceNanos = limits.bodyRateGrace().toNanos();
    }

    /** Thrown out of a read when the body is too slow. */
    static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        Paced paced = new Paced(request);
        try {
            chain.doFilter(paced, new Muted(response, paced));
        } catch (IOException | ServletException | RuntimeException e) {
            if (!paced.cut || response.isCommitted()) {
                throw e;
            }
        }
        // the handler may have turned the cut read into an error of its own: the answer is 408 whatever it wrote
        if (paced.cut && !response.isCommitted()) {
            response.resetBuffer();
            response.setHeader("Connection", "close");
            ProblemResponses.write(request, response, new ProblemResponses.Refusal(408, "Request Timeout",
                    "body_too_slow", "invalid_request_error", "request_timeout", "网络太慢，请求没有传完，请稍后重试。",
                    "The request body arrived slower than " + minRate + " bytes/s (or stalled); the request was cut."));
        }
    }

    /**
     * The response as the handler sees it: once the body was cut, whatever the handler makes of the failed read (an
     * error of its own) is discarded, so the filter can answer 408.
     */
    private static final class Muted extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final Paced paced;

        Muted(HttpServletResponse response, Paced paced) {
            super(response);
            this.paced = paced;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return paced.cut ? DISCARD : super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            return paced.cut ? new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()) : super.getWriter();
        }

        @Override
        public void setStatus(int sc) {
            if (!paced.cut) super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!paced.cut) super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (!paced.cut) super.sendError(sc);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!paced.cut) super.flushBuffer();
        }
    }

    private static final ServletOutputStream DISCARD = new ServletOutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
        }
    };

    private final class Paced extends HttpServletRequestWrapper {

        /** The clock starts at the first read: sign-in checks before the body is read are not the client's time. */
        private long start = -1;
        private long bytes;
        private boolean cut;
        private ServletInputStream stream;

        Paced(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = guarded(() -> in.read());
                        return counted(b < 0 ? -1 : 1) < 0 ? -1 : b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        return counted(guarded(() -> in.read(buf, off, len)));
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        private interface Read {
            int read() throws IOException;
        }

        private int guarded(Read read) throws IOException {
            if (start < 0) {
                start = System.nanoTime();
            }
            try {
                return read.read();
            } catch (SocketTimeoutException e) {
                cut = true;
                throw new TooSlow("request body stalled: " + e.getMessage());
            } catch (IOException e) {
                if (e.getCause() instanceof SocketTimeoutException) {
                    cut = true;
                    throw new TooSlow("request body stalled");
                }
                throw e;
            }
        }

        private int counted(int n) throws TooSlow {
            if (n > 0) {
                bytes += n;
            }
            long elapsed = System.nanoTime() - start;
            if (n >= 0 && elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minRate) {
                cut = true;
                throw new TooSlow(bytes + " bytes in " + elapsed / 1_000_000 + " ms");
            }
            return n;
        }
    }
}
