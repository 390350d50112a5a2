package org.finassist.dh.session;

import org.finassist.dh.protocol.ServerFrame;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that records what the engine sends. */
final class FakeRuntime implements RuntimeChannel {

    final List<ServerFrame> frames = new CopyOnWriteArrayList<>();
    private final String id;
    private final int max;

    FakeRuntime(String id, int max) {
        this.id = id;
        this.max = max;
    }

    @Override
    public String runtimeId() {
        return id;
    }

    @Override
    public int maxSessions() {
        return max;
    }

    @Override
    public void send(ServerFrame frame) {
        frames.add(frame);
    }

    <T extends ServerFrame> List<T> of(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The full text of the last turn (segments of the last utterance joined). */
    String lastTurn() {
        List<ServerFrame.Speak> speaks = of(ServerFrame.Speak.class);
        String utterance = speaks.getLast().utteranceId();
        return String.join("", speaks.stream().filter(s -> s.utteranceId().equals(utterance))
                .map(ServerFrame.Speak::text).toList());
    }
}
