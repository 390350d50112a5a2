package org.finassist.server.cluster;

import java.util.function.Consumer;

/**
 * Tells the other nodes of the deployment that something changed (see the package description). Delivery is
 * best-effort and fast (well under a second on PostgreSQL); every subscriber keeps a slower fallback of its own
 * (a periodic reload or poll), so a lost notification delays a change but never loses it.
 */
public interface ClusterBus {

    /** Sends {@code event} to every node, this one included; never throws (a failure is logged). */
    void publish(ClusterEvent event);

    /**
     * Calls {@code listener} on the bus's thread (keep it short) for each event that is an instance of {@code type}:
     * subscribe to {@link ClusterEvent} itself to also get the local {@link ClusterEvent.Resync} after a reconnect.
     */
    <E extends ClusterEvent> void subscribe(Class<E> type, Consumer<? super E> listener);

    /** Whether notifications currently reach this node (false on H2, and while reconnecting). */
    boolean listening();

    /** One node without PostgreSQL: nothing to tell anyone. */
    ClusterBus NONE = new ClusterBus() {
        @Override
        public void publish(ClusterEvent event) {
        }

        @Override
        public <E extends ClusterEvent> void subscribe(Class<E> type, Consumer<? super E> listener) {
        }

        @Override
        public boolean listening() {
            return false;
        }
    };
}
