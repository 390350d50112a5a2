package org.finassist.core.provider.internal;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 client for one provider endpoint: pooled keep-alive connections (plain or TLS), blocking I/O
 * on the caller's (virtual) thread, a response body that hands its connection back to the pool once read to the
 * end. It replaces the JDK {@code HttpClient} on the provider seam because that client's asynchronous pipeline
 * (selector thread, completion stages, an executor hop per stage) was the largest cost of a gateway request after
 * the servlet stack (issue 19 profile); the router needs nothing HTTP/2 gives.
 *
 * <p>A pooled connection the server closed while idle fails before any response byte arrives; the request is then
 * sent once more on a new connection. Connections idle longer than {@link #IDLE} are not reused (servers close
 * theirs after 60 s or more).
 */
final class Http1Client implements AutoCloseable {

    static final Duration IDLE = Duration.ofSeconds(20);
    private static final int MAX_IDLE = 256;
    /** Fixed-length bodies up to this size are read into an array of exactly their length. */
    private static final int EXACT_UP_TO = 1 << 20;
    private static final byte[] CRLF = {'\r', '\n'};

    private final URI endpoint;
    private final String host;
    private final int port;
    private final boolean tls;
    private final String target;
    private final Duration connectTimeout;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    /** The deque's size, kept apart: {@code ConcurrentLinkedDeque.size()} walks every node (issue 19 profile). */
    private final AtomicInteger idleCount = new AtomicInteger();

    Http1Client(URI endpoint, Duration connectTimeout) {
        this.endpoint = endpoint;
        this.tls = "https".equalsIgnoreCase(endpoint.getScheme());
        this.host = endpoint.getHost();
        this.port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        this.target = endpoint.getRawQuery() == null ? path : path + "?" + endpoint.getRawQuery();
        this.connectTimeout = connectTimeout;
    }

    /** A response: status, headers (lower-case names, first value) and the body, to be closed by the caller. */
    record Response(int status, Map<String, String> headers, Body body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** An exchange in progress; {@link #abort()} (from any thread) closes its connection. */
    static final class Exchange {
        private volatile Connection connection;
        private volatile boolean aborted;

        void abort() {
            aborted = true;
            Connection c = connection;
            if (c != null) {
                c.closeQuietly();
            }
        }

        boolean aborted() {
            return aborted;
        }
    }

    /**
     * Sends a POST and reads the response headers; the whole exchange up to the headers must finish within
     * {@code headersNanos}. The body's reads have no timeout of their own (callers arm a watchdog or call
     * {@link Body#readAll}).
     */
    Response post(Map<String, String> headers, byte[] body, long headersNanos, Exchange exchange) throws IOException {
        long deadline = System.nanoTime() + headersNanos;
        for (int attempt = 0; ; attempt++) {
            Connection c = attempt == 0 ? pooled() : null;
            boolean reused = c != null;
            if (c == null) {
                c = open(deadline);
            }
            exchange.connection = c;
            if (exchange.aborted) {
                c.closeQuietly();
                throw new IOException("aborted");
            }
            try {
                c.write(requestHead(headers, body.length), body);
                return c.readResponse(deadline, this);
            } catch (StaleConnection e) {
                c.closeQuietly();
                if (!reused || exchange.aborted) {
                    throw new EOFException("connection closed before a response: " + e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                c.closeQuietly();
                throw e;
            }
        }
    }

    private byte[] requestHead(Map<String, String> headers, int contentLength) {
        StringBuilder sb = new StringBuilder(256).append("POST ").append(target).append(" HTTP/1.1\r\nHost: ")
                .append(host);
        if (endpoint.getPort() > 0) {
            sb.append(':').append(port);
        }
        sb.append("\r\nUser-Agent: finassist\r\nContent-Length: ").append(contentLength).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Connection pooled() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (System.nanoTime() - c.idleSince < IDLE.toNanos() && !c.socket.isClosed()) {
                return c;
            }
            c.closeQuietly();
        }
        return null;
    }

    void release(Connection c) {
        if (idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            c.closeQuietly();
            return;
        }
        c.idleSince = System.nanoTime();
        idle.offerFirst(c);
    }

    private Connection open(long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            try {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1,
                        Math.min(connectTimeout.toMillis(), millisLeft(deadline))));
            } catch (IOException e) {
                java.net.ConnectException failed = new java.net.ConnectException(host + ":" + port + ": " + e);
                failed.initCause(e);
                throw failed;
            }
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.setSoTimeout((int) millisLeft(deadline));
                ssl.startHandshake();
                socket = ssl;
            }
            return new Connection(socket);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }

    private static long millisLeft(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return ms;
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            c.closeQuietly();
        }
    }

    /** A pooled connection that failed before the first byte of a response: the server had closed it. */
    private static final class StaleConnection extends IOException {
        StaleConnection(String message) {
            super(message);
        }
    }

    /** One socket with its read buffer. */
    static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buf = new byte[8 * 1024];
        private int pos;
        private int limit;
        private long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Head and body in one write: one packet for a small request, no buffer kept per connection. */
        void write(byte[] head, byte[] body) throws IOException {
            byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            try {
                out.write(all);
                out.flush();
            } catch (IOException e) {
                throw new StaleConnection(e.toString());
            }
        }

        /**
         * The response head, within {@code deadline}. The deadline is kept by a {@link Watchdog} that closes the
         * socket, not by a socket timeout: a virtual thread's timed read schedules (and then cancels) a wake-up with
         * the JDK's delay scheduler, which woke its thread about twice per call (issue 19).
         */
        Response readResponse(long deadline, Http1Client owner) throws IOException {
            millisLeft(deadline); // a deadline already passed is a timeout at once
            socket.setSoTimeout(0);
            Watchdog timeout = new Watchdog(this::closeQuietly);
            timeout.arm(deadline - System.nanoTime());
            Response response;
            try {
                response = readHead(owner);
            } catch (IOException | RuntimeException e) {
                if (!timeout.disarm()) {
                    SocketTimeoutException late = new SocketTimeoutException("timed out");
                    late.initCause(e);
                    throw late;
                }
                throw e;
            }
            if (!timeout.disarm()) {
                throw new SocketTimeoutException("timed out"); // expired as the head arrived: the socket is closed
            }
            return response;
        }

        private Response readHead(Http1Client owner) throws IOException {
            while (true) {
                String statusLine = readLine(true);
                int status = parseStatus(statusLine);
                Map<String, String> headers = new HashMap<>();
                String line;
                while (!(line = readLine(false)).isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
                if (status >= 100 && status < 200) {
                    continue; // 100 Continue and other interim responses
                }
                return new Response(status, headers, new Body(this, owner, headers, status));
            }
        }

        private static int parseStatus(String line) throws IOException {
            // HTTP/1.1 200 OK
            if (!line.startsWith("HTTP/1.") || line.length() < 12) {
                throw new IOException("not an HTTP/1.x response: " + WireCodec.abbreviate(line));
            }
            try {
                return Integer.parseInt(line.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("bad status line: " + WireCodec.abbreviate(line));
            }
        }

        /**
         * A header line (ISO-8859-1, CRLF or LF); the first read of a response marks a stale connection. A line
         * inside the buffer becomes a string in one step (not byte by byte: issue 19 profile).
         */
        private String readLine(boolean first) throws IOException {
            java.io.ByteArrayOutputStream partial = null;
            while (true) {
                if (pos == limit) {
                    fill(first && partial == null);
                }
                int nl = pos;
                while (nl < limit && buf[nl] != '\n') {
                    nl++;
                }
                if (nl == limit) { // no end of line yet: keep what there is and read on
                    partial = partial == null ? new java.io.ByteArrayOutputStream(128) : partial;
                    partial.write(buf, pos, limit - pos);
                    pos = limit;
                    if (partial.size() > 64 * 1024) {
                        throw new IOException("response header line too long");
                    }
                    continue;
                }
                int from = pos;
                pos = nl + 1;
                if (partial == null) {
                    int end = nl > from && buf[nl - 1] == '\r' ? nl - 1 : nl;
                    return new String(buf, from, end - from, StandardCharsets.ISO_8859_1);
                }
                partial.write(buf, from, nl - from);
                String line = partial.toString(StandardCharsets.ISO_8859_1);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
        }

        /** Refills the empty buffer; {@code nothingYet}: no byte of this response has arrived. */
        private void fill(boolean nothingYet) throws IOException {
            int n;
            try {
                n = in.read(buf, 0, buf.length);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (nothingYet) {
                    throw new StaleConnection(e.toString());
                }
                throw e;
            }
            if (n < 0) {
                if (nothingYet) {
                    throw new StaleConnection("end of stream");
                }
                throw new EOFException("connection closed in the response head");
            }
            pos = 0;
            limit = n;
        }

        int read(byte[] b, int off, int len) throws IOException {
            if (pos == limit) {
                if (len >= buf.length) {
                    return in.read(b, off, len);
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return -1;
                }
                pos = 0;
                limit = n;
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        int read() throws IOException {
            if (pos == limit) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return -1;
                }
                pos = 0;
                limit = n;
            }
            return buf[pos++] & 0xff;
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /**
     * A response body: fixed length, chunked, or up to the end of the connection. Reading it to its end hands a
     * reusable connection back to the pool; closing it earlier closes the connection.
     */
    static final class Body extends InputStream {
        private final Connection connection;
        private final Http1Client owner;
        private final boolean chunked;
        private final boolean reusable;
        private long remaining; // of the fixed length or of the current chunk; -1 = until the connection ends
        // the CRLF after a chunk's data is read at the next read, so the data reaches the caller even when the
        // connection is cut right after it (a provider or proxy ending a stream abruptly)
        private boolean crlfPending;
        private volatile boolean done;
        private volatile boolean closed;

        Body(Connection connection, Http1Client owner, Map<String, String> headers, int status) {
            this.connection = connection;
            this.owner = owner;
            String te = headers.get("transfer-encoding");
            String length = headers.get("content-length");
            boolean close = "close".equalsIgnoreCase(headers.get("connection"));
            this.chunked = te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
            if (status == 204 || status == 304) {
                remaining = 0;
                done = true;
            } else if (chunked) {
                remaining = 0;
            } else if (length != null) {
                remaining = Long.parseLong(length.trim());
                done = remaining == 0;
            } else {
                remaining = -1;
            }
            this.reusable = !close && (chunked || length != null || done);
            if (done) {
                finish();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (closed) {
                throw new IOException("closed");
            }
            if (len == 0) {
                return 0;
            }
            if (crlfPending) {
                crlfPending = false;
                expectCrlf();
            }
            if (chunked && remaining == 0) {
                remaining = nextChunkSize();
                if (remaining == 0) {
                    skipTrailers();
                    finish();
                    return -1;
                }
            }
            int want = remaining < 0 ? len : (int) Math.min(len, remaining);
            int n = connection.read(b, off, want);
            if (n < 0) {
                if (remaining < 0) {
                    finish();
                    return -1;
                }
                throw new EOFException("connection closed before the end of the response body");
            }
            if (remaining > 0) {
                remaining -= n;
                if (chunked && remaining == 0) {
                    crlfPending = true;
                } else if (!chunked && remaining == 0) {
                    finish();
                }
            }
            return n;
        }

        /** The whole body as bytes, at most {@code max}, read within {@code nanos}. */
        byte[] readAll(int max, long nanos) throws IOException {
            long deadline = System.nanoTime() + nanos;
            if (!chunked && remaining > 0 && remaining <= Math.min(max, EXACT_UP_TO)) {
                return readExactly((int) remaining, deadline);
            }
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(remaining > 0
                    ? (int) Math.min(remaining, max) : 1024);
            byte[] chunk = new byte[8192];
            try {
                int n;
                while (!done && all.size() < max) {
                    connection.socket.setSoTimeout((int) millisLeft(deadline));
                    if ((n = read(chunk, 0, Math.min(chunk.length, max - all.size()))) < 0) {
                        break;
                    }
                    all.write(chunk, 0, n);
                }
            } finally {
                close();
            }
            return all.toByteArray();
        }

        /**
         * A fixed-length body into an array of its size: no 8 KiB chunk and no stream copies per answer (issue 19:
         * the second largest allocation site of a gateway request).
         */
        private byte[] readExactly(int length, long deadline) throws IOException {
            byte[] all = new byte[length];
            int off = 0;
            try {
                while (off < length) {
                    connection.socket.setSoTimeout((int) millisLeft(deadline));
                    int n = read(all, off, length - off);
                    if (n < 0) {
                        break; // not reached: read() throws at an early end of a fixed-length body
                    }
                    off += n;
                }
            } finally {
                close();
            }
            return off == length ? all : java.util.Arrays.copyOf(all, off);
        }

        private long nextChunkSize() throws IOException {
            String line = connection.readLine(false);
            int semi = line.indexOf(';');
            String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
            try {
                return Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + WireCodec.abbreviate(line));
            }
        }

        private void expectCrlf() throws IOException {
            if (!connection.readLine(false).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }

        private void skipTrailers() throws IOException {
            while (!connection.readLine(false).isEmpty()) {
                // trailers are not used
            }
        }

        private void finish() {
            done = true;
            if (!closed) {
                closed = true;
                if (reusable) {
                    try {
                        connection.socket.setSoTimeout(0);
                        owner.release(connection);
                    } catch (IOException e) {
                        connection.closeQuietly();
                    }
                } else {
                    connection.closeQuietly();
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!done) {
                    connection.closeQuietly();
                } else if (reusable) {
                    owner.release(connection);
                } else {
                    connection.closeQuietly();
                }
            }
        }
    }
}
