package org.finassist.server.gateway;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.finassist.core.chat.Cancellation;

/** Cancels a request when the container reports that its client went away or its asynchronous time ran out. */
final class CancelOnDeparture implements AsyncListener {

    private final Cancellation cancellation;

    CancelOnDeparture(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    @Override
    public void onError(AsyncEvent event) {
        cancellation.cancel("client_disconnected");
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        cancellation.cancel("timeout");
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // finished normally
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not re-started
    }
}
