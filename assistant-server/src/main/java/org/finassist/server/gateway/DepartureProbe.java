package org.finassist.server.gateway;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.finassist.core.chat.Cancellation;

import java.io.IOException;

/**
 * Notices that the client of a non-streamed request left while the answer is being prepared, so the upstream call
 * can be cancelled. Nothing may be written before the answer (its status is not known yet), and Tomcat does not
 * watch the socket of an asynchronous request, so the probe asks: with the request in non-blocking mode, Tomcat
 * answers {@code available()} by trying a non-blocking read of the socket, and once the body has been read,
 * anything available means the peer closed (clients do not pipeline requests behind an unanswered POST).
 */
final class DepartureProbe implements Runnable {

    private final ServletInputStream in;
    private final Cancellation cancellation;
    private boolean closed;

    private DepartureProbe(ServletInputStream in, Cancellation cancellation) {
        this.in = in;
        this.cancellation = cancellation;
    }

    /** Puts the (fully read) request into non-blocking mode and returns a probe to run periodically. */
    static DepartureProbe on(ServletInputStream in, Cancellation cancellation) {
        DepartureProbe probe = new DepartureProbe(in, cancellation);
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() {
                // the body was read before; nothing more is expected
            }

            @Override
            public void onAllDataRead() {
                // likewise
            }

            @Override
            public void onError(Throwable t) {
                cancellation.cancel("client_disconnected");
            }
        });
        return probe;
    }

    @Override
    public synchronized void run() {
        if (closed || cancellation.isCancelled()) {
            return;
        }
        try {
            if (in.available() > 0) {
                cancellation.cancel("client_disconnected");
            }
        } catch (IOException | IllegalStateException e) {
            cancellation.cancel("client_disconnected");
        }
    }

    /** Stops probing; must happen before the request is completed and recycled by the container. */
    synchronized void close() {
        closed = true;
    }
}
