package org.finassist.server.limits;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL backend, two nodes with their own pools on one schema ({@code FINASSIST_TEST_PG_URL}). */
class PostgresSharedLimitsPgIT extends SharedLimitsContract {

    private static HikariDataSource a;
    private static HikariDataSource b;

    @BeforeAll
    static void start() {
        LimitsPg.resetSchemaOrSkip();
        a = LimitsPg.dataSource();
        b = LimitsPg.dataSource();
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private final PostgresSharedLimits nodeA = LimitsPg.node(a, clock, "node-a");
    private final PostgresSharedLimits nodeB = LimitsPg.node(b, clock, "node-b");

    @Override
    SharedLimits limits() {
        return nodeA;
    }

    @Override
    SharedLimits otherNode() {
        return nodeB;
    }
}
