package org.finassist.dh.simulator;

import org.finassist.dh.protocol.FrameCodec;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A digital-human runtime played by a program: one WebSocket connection hosting many simulated customers. It
 * answers each question that expects a reply after a random think time, acknowledges speech, and can drop its
 * connection and reconnect to resume. Thread-safe.
 */
public final class SimulatedRuntime implements AutoCloseable {

    private final URI uri;
    private final String runtimeId;
    private final String token;
    private final int maxSessions;
    private final long thinkMillis;
    private final ScheduledExecutorService scheduler;
    private final FrameCodec codec = FrameCodec.json(1 << 20);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, SimulatedCustomer> customers = new ConcurrentHashMap<>();
    private final List<ServerFrame> received = new CopyOnWriteArrayList<>();
    private final Object sendLock = new Object();
    private volatile boolean recordFrames = true;
    private volatile WebSocket socket;
    private volatile CompletableFuture<ServerFrame> handshake;
    private volatile CompletableFuture<String> closed;
    private volatile java.util.concurrent.ScheduledFuture<?> heartbeat;

    public SimulatedRuntime(URI uri, String runtimeId, String token, int maxSessions, Duration think,
                            ScheduledExecutorService scheduler) {
        this.uri = uri;
        this.runtimeId = runtimeId;
        this.token = token;
        this.maxSessions = maxSessions;
        this.thinkMillis = think.toMillis();
        this.scheduler = scheduler;
    }

    /** Opens the connection and sends hello; returns the welcome (or the error frame that refused it). */
    public ServerFrame connect() {
        open();
        send(new RuntimeFrame.Hello(runtimeId, token, FrameCodec.VERSION, List.of("tts", "asr", "id_prompt"),
                maxSessions));
        return handshake.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Opens the WebSocket without saying hello (tests of unauthenticated frames use this). */
    public void open() {
        handshake = new CompletableFuture<>();
        closed = new CompletableFuture<>();
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Starts a customer's session (or resumes it, if the server knows the id). */
    public void join(SimulatedCustomer customer) {
        customers.put(customer.sessionId, customer);
        send(new RuntimeFrame.SessionJoin(customer.sessionId, customer.applicant));
    }

    /** Takes over a customer whose session another connection started (e.g. before a server node died). */
    public void adopt(SimulatedCustomer customer) {
        customers.put(customer.sessionId, customer);
    }

    public void send(RuntimeFrame frame) {
        sendRaw(codec.encodeRuntime(frame));
    }

    /** Sends any text, e.g. a malformed frame in a test. */
    public void sendRaw(String text) {
        synchronized (sendLock) {
            socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Sends a binary frame, which the protocol does not use (a test of the server's refusal). */
    public void sendBinary(byte[] data) {
        synchronized (sendLock) {
            socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Drops the TCP connection without a close handshake, as a crashed runtime would. */
    public void abort() {
        stopHeartbeat();
        socket.abort();
    }

    /** Stops heartbeats while keeping the connection open, as a runtime whose network silently died would. */
    public void goSilent() {
        stopHeartbeat();
    }

    private void startHeartbeat(int seconds) {
        stopHeartbeat();
        long period = Math.max(1, seconds) * 1000L;
        heartbeat = scheduler.scheduleAtFixedRate(() -> {
            WebSocket s = socket;
            if (s != null && !s.isOutputClosed()) send(new RuntimeFrame.Heartbeat(System.currentTimeMillis()));
        }, period, period, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeat() {
        java.util.concurrent.ScheduledFuture<?> h = heartbeat;
        if (h != null) h.cancel(false);
    }

    /** Completes with "code reason" when the server closes the connection. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    public List<ServerFrame> received() {
        return List.copyOf(received);
    }

    /** Stops keeping every frame (for load runs). */
    public void recordFrames(boolean record) {
        this.recordFrames = record;
    }

    public <T extends ServerFrame> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        stopHeartbeat();
        WebSocket s = socket;
        if (s != null && !s.isOutputClosed()) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }

    private void onFrame(ServerFrame frame) {
        if (recordFrames) {
            received.add(frame);
        }
        switch (frame) {
            case ServerFrame.Welcome w -> {
                startHeartbeat(w.heartbeatSeconds());
                handshake.complete(w);
            }
            case ServerFrame.Error e -> {
                if (!handshake.isDone() && e.sessionId() == null) {
                    handshake.complete(e);
                }
            }
            case ServerFrame.Speak s -> onSpeak(s);
            case ServerFrame.Show s -> {
                SimulatedCustomer c = customers.get(s.sessionId());
                if (c != null && s.kind() == ServerFrame.ShowKind.TEXT) {
                    c.confirmation = s.text();
                }
            }
            case ServerFrame.SessionEnd e -> {
                SimulatedCustomer c = customers.get(e.sessionId());
                if (c != null) {
                    c.outcome.complete(e.outcome());
                }
            }
            case ServerFrame.Ack a -> { }
            case ServerFrame.Pong p -> { }
            case ServerFrame.Interrupt i -> { }
        }
    }

    private void onSpeak(ServerFrame.Speak s) {
        if (s.first()) {
            send(new RuntimeFrame.SpeakStarted(s.sessionId(), s.utteranceId()));
        }
        if (!s.last()) {
            return;
        }
        send(new RuntimeFrame.SpeakFinished(s.sessionId(), s.utteranceId(), false));
        SimulatedCustomer c = customers.get(s.sessionId());
        if (c == null || !s.expectsReply()) {
            return;
        }
        String reply = c.reply(s.text());
        if (reply == null) {
            return;
        }
        long delay = thinkMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(thinkMillis / 2, thinkMillis + 1);
        scheduler.schedule(() -> answer(c, reply, s.utteranceId()), delay, TimeUnit.MILLISECONDS);
    }

    private void answer(SimulatedCustomer c, String reply, String utterance) {
        try {
            send(new RuntimeFrame.AsrPartial(c.sessionId, c.seq.get() + 1, reply.substring(0, 1)));
            send(new RuntimeFrame.AsrFinal(c.sessionId, c.seq.incrementAndGet(), reply, utterance));
        } catch (RuntimeException e) {
            // the connection dropped while thinking; the server re-asks after reconnect
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                if (codec.decodeServer(text) instanceof FrameCodec.Decoded.Ok<ServerFrame>(ServerFrame frame)) {
                    onFrame(frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            stopHeartbeat();
            closed.complete(statusCode + " " + reason);
            handshake.completeExceptionally(new IllegalStateException("closed: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
            handshake.completeExceptionally(error);
        }
    }
}
