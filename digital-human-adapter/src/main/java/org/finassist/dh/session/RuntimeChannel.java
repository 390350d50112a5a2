package org.finassist.dh.session;

import org.finassist.dh.protocol.ServerFrame;

/**
 * The connection to one digital-human runtime, as the engine sees it. Implementations must make {@link #send}
 * safe to call from several threads and must not block for long (queue if the peer is slow).
 */
public interface RuntimeChannel {

    /** The authenticated runtime id from its hello. */
    String runtimeId();

    /** How many sessions the runtime said it can host at once. */
    int maxSessions();

    void send(ServerFrame frame);
}
