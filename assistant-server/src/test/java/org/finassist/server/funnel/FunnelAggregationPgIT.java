package org.finassist.server.funnel;

import org.finassist.server.support.TestPostgres;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The aggregation contract on PostgreSQL 15 (schema {@code funnel_test}), with the same V70 migration. */
class FunnelAggregationPgIT extends FunnelAggregationContract {

    @Override
    FunnelDb database() {
        TestPostgres.resetSchemaOrSkip("funnel_test");
        return FunnelDb.of(new SingleConnectionDataSource(TestPostgres.url("funnel_test"), TestPostgres.user(),
                TestPostgres.password(), true));
    }
}
