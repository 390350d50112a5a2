package org.finassist.server.funnel;

import java.util.concurrent.atomic.AtomicInteger;

/** The aggregation contract on H2 (the embedded default), PostgreSQL mode as the server runs it. */
class FunnelAggregationH2Test extends FunnelAggregationContract {

    private static final AtomicInteger N = new AtomicInteger();

    @Override
    FunnelDb database() {
        return FunnelDb.h2("funnel" + N.incrementAndGet());
    }
}
