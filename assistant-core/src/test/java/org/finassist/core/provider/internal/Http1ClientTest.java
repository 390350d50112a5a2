package org.finassist.core.provider.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Http1ClientTest {

    private static final long SECONDS_10 = TimeUnit.SECONDS.toNanos(10);
    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** A server answering the n-th request (over all connections) with {@code answers.apply(n)}; null = hang up. */
    private Http1Client serve(IntFunction<String> answers, boolean closeAfterEach) throws IOException {
        server = new ServerSocket(0);
        AtomicInteger n = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> handle(s, answers, n, closeAfterEach));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return new Http1Client(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions"),
                Duration.ofSeconds(5));
    }

    private void handle(Socket s, IntFunction<String> answers, AtomicInteger n, boolean closeAfterEach) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = s.getOutputStream()) {
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                StringBuilder head = new StringBuilder(line).append('\n');
                int length = 0;
                while (!(line = in.readLine()).isEmpty()) {
                    head.append(line).append('\n');
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                char[] body = new char[length];
                int read = 0;
                while (read < length) {
                    read += in.read(body, read, length - read);
                }
                requests.add(head + new String(body));
                String answer = answers.apply(n.incrementAndGet());
                if (answer == null) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (closeAfterEach) {
                    return;
                }
            }
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the client closed the connection
        }
    }

    private static String fixed(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String post(Http1Client client, String body) throws IOException {
        Http1Client.Response r = client.post(Map.of("Authorization", "Bearer k"), body.getBytes(StandardCharsets.UTF_8),
                SECONDS_10, new Http1Client.Exchange());
        return r.status() + " " + new String(r.body().readAll(1 << 20, SECONDS_10), StandardCharsets.UTF_8);
    }

    @Test
    void sendsTheRequestAndReusesTheConnection() throws IOException {
        Http1Client client = serve(i -> fixed("{\"answer\":" + i + ",\"text\":\"九点半\"}"), false);

        assertThat(post(client, "{\"q\":1}")).isEqualTo("200 {\"answer\":1,\"text\":\"九点半\"}");
        assertThat(post(client, "{\"q\":2}")).isEqualTo("200 {\"answer\":2,\"text\":\"九点半\"}");

        assertThat(connections).hasValue(1);
        assertThat(requests.getFirst()).startsWith("POST /v1/chat/completions HTTP/1.1\n")
                .contains("Host: 127.0.0.1:" + server.getLocalPort(), "Authorization: Bearer k",
                        "Content-Length: 7").endsWith("{\"q\":1}");
    }

    @Test
    void aHeadArrivingInPiecesSplitInsideLinesAndBetweenCrAndLfIsReadWhole() throws Exception {
        server = new ServerSocket(0); // closed after the test
        ServerSocket raw = server;
        Thread.ofVirtual().start(() -> {
            try (Socket s = raw.accept(); OutputStream out = s.getOutputStream()) {
                s.getInputStream().read(new byte[4096]);
                for (String part : new String[]{"HTTP/1.1 2", "00 OK\r", "\nX-Request-Id: ab", "c\nContent-Le",
                        "ngth: 2\r\n", "\r", "\nok"}) {
                    out.write(part.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(20);
                }
                Thread.sleep(500);
            } catch (IOException | InterruptedException e) {
                // done
            }
        });
        Http1Client client = new Http1Client(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/x"),
                Duration.ofSeconds(5));
        Http1Client.Response r = client.post(Map.of(), new byte[0], SECONDS_10, new Http1Client.Exchange());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("x-request-id")).isEqualTo("abc");
        assertThat(new String(r.body().readAll(1 << 20, SECONDS_10), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void decodesChunkedBodiesAndKeepsHeaders() throws IOException {
        Http1Client client = serve(i -> "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n", false);

        Http1Client.Response r = client.post(Map.of(), new byte[0], SECONDS_10, new Http1Client.Exchange());

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("retry-after")).isEqualTo("3");
        assertThat(new String(r.body().readAll(1 << 20, SECONDS_10), StandardCharsets.UTF_8)).isEqualTo("hello, world");
        assertThat(post(client, "x")).startsWith("429 hello");
        assertThat(connections).hasValue(1);
    }

    @Test
    void aChunkCutRightAfterItsDataStillReachesTheReader() throws IOException {
        // a stream ended abruptly by the provider or a proxy: the last chunk's data, then no CRLF and no final chunk
        Http1Client client = serve(i -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\ndata:1\r\n6\r\ndata:2", true);

        Http1Client.Response r = client.post(Map.of(), new byte[0], SECONDS_10, new Http1Client.Exchange());
        java.io.InputStream body = r.body();
        byte[] b = new byte[64];
        StringBuilder seen = new StringBuilder();
        assertThatThrownBy(() -> {
            int n;
            while ((n = body.read(b, 0, b.length)) >= 0) {
                seen.append(new String(b, 0, n, StandardCharsets.UTF_8));
            }
        }).isInstanceOf(IOException.class);
        assertThat(seen.toString()).isEqualTo("data:1data:2");
    }

    @Test
    void aFixedLengthBodyCutShortIsAnErrorNotAShortAnswer() throws IOException {
        // read into an array of the declared length: an early end must still fail, not return the bytes so far
        Http1Client client = serve(i -> "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true);

        Http1Client.Response r = client.post(Map.of(), new byte[0], SECONDS_10, new Http1Client.Exchange());

        assertThatThrownBy(() -> r.body().readAll(1 << 20, SECONDS_10)).isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void aFixedLengthBodyLongerThanTheLimitIsCutAtTheLimit() throws IOException {
        Http1Client client = serve(i -> fixed("0123456789"), false);

        Http1Client.Response r = client.post(Map.of(), new byte[0], SECONDS_10, new Http1Client.Exchange());

        assertThat(new String(r.body().readAll(4, SECONDS_10), StandardCharsets.UTF_8)).isEqualTo("0123");
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplaced() throws IOException {
        Http1Client client = serve(i -> fixed("{\"n\":" + i + "}"), true);

        assertThat(post(client, "a")).isEqualTo("200 {\"n\":1}");
        assertThat(post(client, "b")).isEqualTo("200 {\"n\":2}");

        assertThat(connections).hasValue(2);
        assertThat(requests).hasSize(2);
    }

    @Test
    void noResponseWithinTheBudgetIsATimeout() throws IOException {
        Http1Client client = serve(i -> null, false);

        assertThatThrownBy(() -> client.post(Map.of(), new byte[0], TimeUnit.MILLISECONDS.toNanos(200),
                new Http1Client.Exchange())).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aPooledConnectionThatStaysSilentIsATimeoutNotAStaleConnection() throws IOException {
        // the head's deadline closes the socket: that must not read as a pooled connection closed by the server,
        // which would be retried on a new connection with the budget spent
        Http1Client client = serve(i -> i == 1 ? fixed("{\"n\":1}") : null, false);
        assertThat(post(client, "a")).isEqualTo("200 {\"n\":1}");

        assertThatThrownBy(() -> client.post(Map.of(), new byte[0], TimeUnit.MILLISECONDS.toNanos(200),
                new Http1Client.Exchange())).isInstanceOf(SocketTimeoutException.class);

        assertThat(requests).hasSize(2);
        assertThat(connections).hasValue(1);
    }

    @Test
    void anAbortedExchangeFailsWithoutRetrying() throws Exception {
        Http1Client client = serve(i -> null, false);
        Http1Client.Exchange exchange = new Http1Client.Exchange();
        Thread.ofVirtual().start(() -> {
            while (requests.isEmpty()) {
                Thread.onSpinWait();
            }
            exchange.abort();
        });

        assertThatThrownBy(() -> client.post(Map.of(), new byte[0], SECONDS_10, exchange))
                .isInstanceOf(IOException.class);
        assertThat(exchange.aborted()).isTrue();
        assertThat(requests).hasSize(1);
    }
}
