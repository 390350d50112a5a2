package org.finassist.server.commentary;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.finassist.content.commentary.ArticleType;
import org.finassist.content.commentary.CommentaryItems;
import org.finassist.content.commentary.CommentaryService;
import org.finassist.content.market.SyntheticMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** The V20 migration and a whole commentary run on db-scheduler over PostgreSQL 15, in schema {@code commentary_test}. */
class CommentaryJobsPgIT {

    private static final String SCHEMA = "commentary_test";
    private HikariDataSource ds;
    private CommentaryJobs jobs;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void freshSchema() throws Exception {
        String base = System.getenv().getOrDefault("FINASSIST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/finassist_test");
        String user = System.getenv().getOrDefault("FINASSIST_TEST_PG_USER", "postgres");
        try (Connection c = DriverManager.getConnection(base, user, System.getenv("FINASSIST_TEST_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + base + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        ds = new HikariDataSource();
        ds.setJdbcUrl(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        ds.setUsername(user);
        ds.setPassword(System.getenv("FINASSIST_TEST_PG_PASSWORD"));
        ds.setMaximumPoolSize(8);
        JdbcClient jdbc = JdbcClient.create(ds);
        try (var in = getClass().getResourceAsStream("/db/migration/V20__commentary.sql")) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    jdbc.sql(sql).update();
                }
            }
        }
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.of(3, 60));
        CommentaryService service = CommentaryService.builder().marketData(market).build();
        RunStore runs = new RunStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC());
        CommentaryProperties props = new CommentaryProperties(4, null, null, Duration.ofMillis(100), Duration.ofSeconds(1),
                4, null, null);
        jobs = new CommentaryJobs(ds, service, new CommentaryItems(service, new JdbcArticleStore(jdbc)), runs, market,
                null, props, 4, meters);
        jobs.start();
    }

    @AfterEach
    void stop() {
        jobs.stop();
        ds.close();
    }

    @Test
    void aRunCompletesOnPostgresAndARerunSkipsEveryArticle() {
        RunView run = jobs.start(null, "all", EnumSet.of(ArticleType.RECAP, ArticleType.ALERT, ArticleType.STRATEGY));
        RunView done = await(run.id());
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.done()).isEqualTo(run.total()).isGreaterThan(50);
        assertThat(meters.counter("finassist.commentary.items", "status", "done").count()).isEqualTo(run.total());

        RunView again = await(jobs.start(null, "all", EnumSet.of(ArticleType.RECAP, ArticleType.ALERT,
                ArticleType.STRATEGY)).id());
        assertThat(again.skipped()).isEqualTo(run.total());
        assertThat(jobs.list(10)).extracting(RunView::id).containsExactly(again.id(), run.id());
    }

    private RunView await(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RunView r = jobs.get(id).orElseThrow();
        while (!r.finished() && System.nanoTime() < deadline) {
            ServerProcess.sleep(100);
            r = jobs.get(id).orElseThrow();
        }
        return r;
    }
}
