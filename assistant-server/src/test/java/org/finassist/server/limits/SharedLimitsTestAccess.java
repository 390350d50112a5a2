package org.finassist.server.limits;

import com.zaxxer.hikari.HikariDataSource;

import java.time.Clock;

/** Lets tests of other packages build the PostgreSQL backend on the limits test schema. */
public final class SharedLimitsTestAccess {

    private SharedLimitsTestAccess() {
    }

    public static void resetSchemaOrSkip() {
        LimitsPg.resetSchemaOrSkip();
    }

    public static HikariDataSource dataSource() {
        return LimitsPg.dataSource();
    }

    public static SharedLimits postgres(HikariDataSource pool, String node) {
        return LimitsPg.node(pool, Clock.systemUTC(), node);
    }
}
