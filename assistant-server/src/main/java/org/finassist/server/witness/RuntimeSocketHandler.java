package org.finassist.server.witness;

import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.FrameCodec;
import org.finassist.dh.protocol.FrameCodec.Decoded;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.server.cluster.ClusterBus;
import org.finassist.server.cluster.ClusterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ws/runtime}: authenticates a runtime by its hello, answers heartbeats, refuses bad frames with error
 * frames (closing only on fatal ones, with a reason) and hands session frames to the engine, in order per session.
 * Protocol 1.1 policies (docs/protocol.md): a binary frame is refused and the connection stays; anything but a
 * valid hello before authentication closes with 1008; a runtime id has one live connection per node, the newest,
 * and the older one is closed with {@link #SUPERSEDED}.
 */
final class RuntimeSocketHandler extends TextWebSocketHandler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeSocketHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 1 << 20;
    /** Close status of every runtime connection when this node shuts down: reconnect (to another node) and resume. */
    static final CloseStatus SHUTTING_DOWN = CloseStatus.GOING_AWAY.withReason("server_shutdown");
    /** Close status of a connection replaced by a newer one with the same runtime id. */
    static final CloseStatus SUPERSEDED = new CloseStatus(4001, "superseded");

    private final WitnessEngine engine;
    private final FrameCodec codec;
    private final RuntimeTokens tokens;
    private final WitnessProperties properties;
    private final TurnLatency latency;
    private final SessionLanes lanes = new SessionLanes();
    private final Map<String, WebSocketSession> sockets = new ConcurrentHashMap<>();
    private final Map<String, RuntimeConnection> runtimes = new ConcurrentHashMap<>();
    /** Runtime id → the socket id of its live connection on this node. */
    private final Map<String, String> byRuntime = new ConcurrentHashMap<>();
    private final SilenceWatch silence;
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("witness-silence-watch").factory());

    private final ClusterBus bus;

    RuntimeSocketHandler(WitnessEngine engine, FrameCodec codec, RuntimeTokens tokens, WitnessProperties properties,
                         TurnLatency latency) {
        this(engine, codec, tokens, properties, latency, ClusterBus.NONE);
    }

    /** {@code bus}: a runtime's new connection on another node closes its older one here at once. */
    RuntimeSocketHandler(WitnessEngine engine, FrameCodec codec, RuntimeTokens tokens, WitnessProperties properties,
                         TurnLatency latency, ClusterBus bus) {
        this.bus = bus;
        this.engine = engine;
        this.codec = codec;
        this.tokens = tokens;
        this.properties = properties;
        this.latency = latency;
        long beat = TimeUnit.SECONDS.toNanos(Math.max(1, properties.heartbeatSeconds()));
        this.silence = new SilenceWatch(beat * Math.max(1, properties.missedHeartbeats()), System::nanoTime);
        long period = Math.max(200, TimeUnit.NANOSECONDS.toMillis(beat) / 2);
        reaper.scheduleWithFixedDelay(this::closeSilent, period, period, TimeUnit.MILLISECONDS);
        reaper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        reaper.scheduleWithFixedDelay(this::renew, 5, 5, TimeUnit.SECONDS);
        bus.subscribe(ClusterEvent.RuntimeClaimed.class, e -> {
            if (byRuntime.containsKey(e.runtimeId())) {
                reaper.execute(this::renew);
            }
        });
    }

    private void sweep() {
        try {
            engine.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Witness sweep failed: {}", e.toString());
        }
    }

    private void renew() {
        try {
            for (String runtimeId : engine.renewClaims()) {
                String socketId = byRuntime.get(runtimeId);
                if (socketId != null && byRuntime.remove(runtimeId, socketId)) {
                    LOG.warn("Runtime {} connected to another node; closing its connection here", runtimeId);
                    supersede(socketId, runtimeId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Renewing this node's runtime claims failed: {}", e.toString());
        }
    }

    private void closeSilent() {
        for (String id : silence.silent()) {
            WebSocketSession socket = sockets.get(id);
            if (socket == null) continue;
            RuntimeConnection connection = runtimes.get(id);
            LOG.warn("Closing {} (connection {}): no frame for {} heartbeat intervals",
                    connection == null ? "a runtime that never said hello" : "runtime " + connection.runtimeId(), id,
                    properties.missedHeartbeats());
            CloseStatus status = CloseStatus.SESSION_NOT_RELIABLE.withReason("heartbeat_timeout");
            RuntimeConnection.close(socket, status);
            // a dead peer may never complete the close handshake: release its sessions now
            released(id, status);
        }
    }

    @Override
    public void close() {
        reaper.shutdownNow();
    }

    /**
     * Closes every runtime connection with 1001 before the web server stops (which would cut them with 1006) and
     * releases their sessions, which wait for the runtimes to reconnect, through the load balancer to another node,
     * and resume. Returns how many were closed.
     */
    int goingAway() {
        int n = 0;
        for (Map.Entry<String, WebSocketSession> e : List.copyOf(sockets.entrySet())) {
            RuntimeConnection.close(e.getValue(), SHUTTING_DOWN);
            released(e.getKey(), SHUTTING_DOWN);
            n++;
        }
        return n;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        sockets.put(session.getId(),
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT));
        silence.seen(session.getId());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        long arrived = System.nanoTime();
        silence.seen(session.getId());
        WebSocketSession socket = sockets.getOrDefault(session.getId(), session);
        switch (codec.decodeRuntime(message.getPayload())) {
            case Decoded.Rejected<RuntimeFrame> r -> refuseOrClose(socket, r.code(), r.message(), r.sessionId(),
                    r.type());
            case Decoded.Ok<RuntimeFrame>(RuntimeFrame frame) -> dispatch(socket, frame, arrived);
        }
    }

    /** Binary frames are not part of the protocol: refused, and unlike Spring's default the connection stays. */
    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        silence.seen(session.getId());
        refuseOrClose(sockets.getOrDefault(session.getId(), session), ErrorCode.MALFORMED_FRAME,
                "binary frames are not part of the protocol; send JSON in text frames", null,
                ServerFrame.Error.BINARY);
    }

    /** Before a successful hello, every refusal is {@code unauthenticated} and closes the connection. */
    private void refuseOrClose(WebSocketSession socket, ErrorCode code, String message, String sessionId,
                               String type) {
        if (runtimes.containsKey(socket.getId())) {
            refuse(socket, code, message, sessionId, type);
        } else {
            refuse(socket, ErrorCode.UNAUTHENTICATED, "send hello with a valid token first (" + message + ")",
                    sessionId, type);
        }
    }

    private void dispatch(WebSocketSession socket, RuntimeFrame frame, long arrived) {
        RuntimeConnection connection = runtimes.get(socket.getId());
        if (frame instanceof RuntimeFrame.Hello hello) {
            hello(socket, connection, hello);
        } else if (connection == null) {
            refuse(socket, ErrorCode.UNAUTHENTICATED, "send hello with a valid token first", frame.sessionIdOrNull(),
                    frame.wireType());
        } else if (frame instanceof RuntimeFrame.Heartbeat beat) {
            // ts is optional: without one the pong carries the server's clock
            long ts = beat.timestampMillis() >= 0 ? beat.timestampMillis() : System.currentTimeMillis();
            RuntimeConnection.send(socket, codec, new ServerFrame.Pong(ts));
        } else {
            String sessionId = frame.sessionIdOrNull();
            lanes.submit(sessionId, () -> handle(connection, frame, arrived));
        }
    }

    private void handle(RuntimeConnection connection, RuntimeFrame frame, long arrived) {
        String sessionId = frame.sessionIdOrNull();
        try {
            engine.handle(connection, frame);
            if (frame instanceof RuntimeFrame.AsrFinal) {
                latency.record(System.nanoTime() - arrived);
            }
        } catch (RuntimeException e) {
            LOG.error("Witness engine failed on {} for session {}", frame.getClass().getSimpleName(), sessionId, e);
            connection.send(new ServerFrame.Error(ErrorCode.INTERNAL, "server error; retry the frame", sessionId,
                    frame.wireType()));
        }
        // the local map, not the database: this runs after every frame
        if (frame instanceof RuntimeFrame.SessionLeave || !engine.isLive(sessionId)) {
            lanes.forget(sessionId);
        }
    }

    private void hello(WebSocketSession socket, RuntimeConnection existing, RuntimeFrame.Hello hello) {
        if (existing != null) {
            refuse(socket, ErrorCode.INVALID_FIELD, "already authenticated", null, "hello");
            return;
        }
        if (hello.protocolVersion() != FrameCodec.VERSION) {
            refuse(socket, ErrorCode.UNSUPPORTED_VERSION, "server speaks protocol version " + FrameCodec.VERSION,
                    null, "hello");
            return;
        }
        if (!tokens.accepts(hello.runtimeId(), hello.token())) {
            refuse(socket, ErrorCode.UNAUTHENTICATED, "invalid runtime token", null, "hello");
            return;
        }
        RuntimeConnection connection = new RuntimeConnection(socket, codec, hello.runtimeId(), hello.maxSessions());
        runtimes.put(socket.getId(), connection);
        String older = byRuntime.put(hello.runtimeId(), socket.getId());
        if (older != null && !older.equals(socket.getId())) {
            supersede(older, hello.runtimeId());
        }
        List<String> resumed = engine.attach(connection);
        bus.publish(new ClusterEvent.RuntimeClaimed(hello.runtimeId()));
        LOG.info("Runtime {} connected (capacity {}, resuming {} sessions)", hello.runtimeId(), hello.maxSessions(),
                resumed.size());
        connection.send(new ServerFrame.Welcome(hello.runtimeId(), FrameCodec.VERSION, properties.heartbeatSeconds(),
                resumed));
        for (String id : resumed) {
            lanes.submit(id, () -> engine.resumeAll(List.of(id)));
        }
    }

    /** One live connection per runtime id: the newest wins, the older is released and closed with 4001. */
    private void supersede(String socketId, String runtimeId) {
        LOG.warn("Runtime {} connected again; closing its older connection {} (superseded)", runtimeId, socketId);
        WebSocketSession old = sockets.get(socketId);
        RuntimeConnection oldConnection = runtimes.remove(socketId);
        if (oldConnection != null) {
            engine.detach(oldConnection);
        }
        silence.forget(socketId);
        sockets.remove(socketId);
        if (old != null) {
            RuntimeConnection.close(old, SUPERSEDED);
        }
    }

    private void refuse(WebSocketSession socket, ErrorCode code, String message, String sessionId, String type) {
        RuntimeConnection connection = runtimes.get(socket.getId());
        LOG.warn("Refused frame{} from {} (connection {}): {} - {}", type == null ? "" : " '" + type + "'",
                connection == null ? "unauthenticated runtime" : "runtime " + connection.runtimeId(), socket.getId(),
                code.wireName(), message);
        RuntimeConnection.send(socket, codec, new ServerFrame.Error(code, message, sessionId, type));
        if (code.fatal()) {
            RuntimeConnection.close(socket, CloseStatus.POLICY_VIOLATION.withReason(code.wireName()));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LOG.info("Transport error on runtime connection {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        released(session.getId(), status);
    }

    private void released(String id, CloseStatus status) {
        silence.forget(id);
        sockets.remove(id);
        RuntimeConnection connection = runtimes.remove(id);
        if (connection != null) {
            byRuntime.remove(connection.runtimeId(), id);
            engine.detach(connection);
            LOG.info("Runtime {} disconnected ({}); its sessions wait for it to reconnect", connection.runtimeId(),
                    status);
        }
    }
}
