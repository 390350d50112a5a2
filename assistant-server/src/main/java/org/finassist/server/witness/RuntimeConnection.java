package org.finassist.server.witness;

import org.finassist.dh.protocol.FrameCodec;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.session.RuntimeChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;

/** An authenticated runtime's WebSocket as the engine's channel; sends are serialised by Spring's decorator. */
final class RuntimeConnection implements RuntimeChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConnection.class);

    private final WebSocketSession socket;
    private final FrameCodec codec;
    private final String runtimeId;
    private final int maxSessions;

    RuntimeConnection(WebSocketSession socket, FrameCodec codec, String runtimeId, int maxSessions) {
        this.socket = socket;
        this.codec = codec;
        this.runtimeId = runtimeId;
        this.maxSessions = maxSessions;
    }

    @Override
    public String runtimeId() {
        return runtimeId;
    }

    @Override
    public int maxSessions() {
        return maxSessions;
    }

    @Override
    public void send(ServerFrame frame) {
        send(socket, codec, frame);
    }

    static void send(WebSocketSession socket, FrameCodec codec, ServerFrame frame) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(codec.encodeServer(frame)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not send {} to runtime connection {}: {}", frame.getClass().getSimpleName(),
                    socket.getId(), e.toString());
            close(socket, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    static void close(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException e) {
            LOG.debug("Closing runtime connection {} failed: {}", socket.getId(), e.toString());
        }
    }
}
