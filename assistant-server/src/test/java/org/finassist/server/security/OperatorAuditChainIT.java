package org.finassist.server.security;

import org.finassist.server.support.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two "nodes" (each its own DataSource, connections and OperatorAudit) appending to one PostgreSQL audit chain at
 * the same time: the chain head's row lock serialises them, so the chain stays linear and verifies.
 */
class OperatorAuditChainIT {

    private static final String SCHEMA = "security_audit_chain";
    private static final byte[] KEY = "chain-test-key".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void schema() throws IOException {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        JdbcClient jdbc = JdbcClient.create(dataSource());
        for (String file : List.of("V161__operator_audit.sql", "V162__operator_audit_head.sql")) {
            try (InputStream in = OperatorAuditChainIT.class.getResourceAsStream("/db/migration/" + file)) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) jdbc.sql(sql).update();
                }
            }
        }
    }

    private static DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(TestPostgres.url(SCHEMA), TestPostgres.user(), TestPostgres.password());
    }

    private static OperatorAudit node() {
        DriverManagerDataSource ds = dataSource();
        return new OperatorAudit(JdbcClient.create(ds), KEY, new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    @Test
    void twoNodesAppendingAtOnceKeepOneLinearChain() throws Exception {
        OperatorAudit a = node();
        OperatorAudit b = node();
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (OperatorAudit node : List.of(a, b, a, b)) {
                String who = node == a ? "operator:a" : "operator:b";
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) node.record(who, "POST", "/api/kb/" + i, 200);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        OperatorAudit.Verification v = a.verify();
        assertThat(v.rows()).isEqualTo(4L * each);
        assertThat(v.valid()).as("broken at %s", v.brokenAt()).isTrue();
        JdbcClient jdbc = JdbcClient.create(dataSource());
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT prev_mac) FROM operator_audit").query(Long.class).single())
                .as("no two rows follow the same row").isEqualTo(4L * each);
        assertThat(jdbc.sql("SELECT mac FROM operator_audit_head").query(String.class).single())
                .isEqualTo(jdbc.sql("SELECT mac FROM operator_audit ORDER BY id DESC LIMIT 1").query(String.class).single());
    }
}
