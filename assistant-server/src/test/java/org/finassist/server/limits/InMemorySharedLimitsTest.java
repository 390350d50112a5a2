package org.finassist.server.limits;

/** The one-node backend: "the other node" is the same instance, as on a single node. */
class InMemorySharedLimitsTest extends SharedLimitsContract {

    private final InMemorySharedLimits limits = new InMemorySharedLimits(clock);

    @Override
    SharedLimits limits() {
        return limits;
    }

    @Override
    SharedLimits otherNode() {
        return limits;
    }
}
