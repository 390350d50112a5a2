package org.finassist.server.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterEventTest {

    @Test
    void everySentEventSurvivesTheWireWithItsOrigin() {
        for (ClusterEvent e : new ClusterEvent[] {new ClusterEvent.ApiKeysChanged(),
                new ClusterEvent.OperatorChanged("alice|ops"), new ClusterEvent.DecisionPending("node-b"),
                new ClusterEvent.DecisionSettled(42), new ClusterEvent.RuntimeClaimed("rt-1"),
                new ClusterEvent.ConfigReloaded("router")}) {
            ClusterEvent.Received r = ClusterEvent.decode(ClusterEvent.encode(e, "node-a")).orElseThrow();
            assertThat(r.event()).isEqualTo(e);
            assertThat(r.origin()).isEqualTo("node-a");
        }
    }

    @Test
    void anUnknownOrMalformedPayloadIsIgnoredNotFatal() {
        assertThat(ClusterEvent.decode("future-event|node-c|x")).isEmpty();
        assertThat(ClusterEvent.decode("settled|node-c|not-a-number")).isEmpty();
        assertThat(ClusterEvent.decode("keys")).isEmpty();
        assertThat(ClusterEvent.decode(null)).isEmpty();
    }

    @Test
    void resyncIsLocalOnly() {
        assertThatThrownBy(() -> ClusterEvent.encode(new ClusterEvent.Resync(), "n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
