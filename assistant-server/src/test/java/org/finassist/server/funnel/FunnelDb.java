package org.finassist.server.funnel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A database with the funnel's migration applied, for the contract suites (H2 in memory, or PostgreSQL). */
record FunnelDb(JdbcTemplate jdbc, TransactionTemplate tx) {

    static FunnelDb h2(String name) {
        return of(new SingleConnectionDataSource("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", true));
    }

    static FunnelDb of(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        try (InputStream in = FunnelDb.class.getResourceAsStream("/db/migration/V70__funnel.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    jdbc.execute(sql);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new FunnelDb(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    FunnelStore store() {
        return new FunnelStore(jdbc, tx);
    }
}
