package org.finassist.core.provider.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that cuts a stream mid-answer (issue 19): every event it sent before the cut must reach the reader
 * before the failure, whether the connection ends with a FIN or a reset. The server writes the whole response and
 * cuts the connection before the reader reads a byte of the body, the worst order; repeated, since the kernel and
 * the reads can split the bytes differently each time.
 */
class CutStreamReadingTest {

    private static final int EVENTS = 3;
    private static final int RUNS = 40;
    private ServerSocket server;
    private Http1Client client;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0);
        client = new Http1Client(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions"),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void everyEventBeforeAClosedConnectionIsRead() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            assertThat(eventsReadBeforeTheCut(false)).as("run %d", run).isEqualTo(expected());
        }
    }

    @Test
    void everyEventBeforeAResetConnectionIsRead() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            assertThat(eventsReadBeforeTheCut(true)).as("run %d", run).isEqualTo(expected());
        }
    }

    private static List<String> expected() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(event(i));
        }
        return events;
    }

    private static String event(int i) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"第" + i + "段\"}}]}";
    }

    private List<String> eventsReadBeforeTheCut(boolean reset) throws Exception {
        CountDownLatch cut = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> answerAndCut(reset, cut));
        Http1Client.Response response = client.post(Map.of(), "{}".getBytes(StandardCharsets.UTF_8),
                TimeUnit.SECONDS.toNanos(10), new Http1Client.Exchange());
        assertThat(cut.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> events = new ArrayList<>();
        SseReader reader = new SseReader(response.body(), () -> { });
        try {
            String data;
            while ((data = reader.next()) != null) {
                events.add(data);
            }
        } catch (IOException expectedAtTheCut) {
            // the cut itself; what matters is what was read before it
        } finally {
            response.body().close();
        }
        return events;
    }

    /** Reads one request, writes the head and the events in one go, then closes (FIN) or resets (RST). */
    private void answerAndCut(boolean reset, CountDownLatch cut) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            int length = 0;
            String line;
            while (!(line = in.readLine()).isEmpty()) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.skip(length);
            StringBuilder out = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < EVENTS; i++) {
                byte[] chunk = ("data: " + event(i) + "\n\n").getBytes(StandardCharsets.UTF_8);
                out.append(Integer.toHexString(chunk.length)).append("\r\n")
                        .append(new String(chunk, StandardCharsets.ISO_8859_1)).append("\r\n");
            }
            OutputStream o = s.getOutputStream();
            o.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            if (reset) {
                s.setSoLinger(true, 0); // close() then sends a reset instead of a FIN
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            cut.countDown();
        }
    }
}
