package org.finassist.server.commentary;

import org.finassist.core.router.RouteMetadata;
import org.finassist.server.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
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

/**
 * The V20 migration and whole commentary runs on db-scheduler over PostgreSQL 15 (schema {@code commentary_test}):
 * one node, a rerun, and two nodes sharing the database.
 */
class CommentaryJobsPgIT {

    private static final String SCHEMA = "commentary_test";
    private HikariDataSource ds;
    private static final SyntheticMarket MARKET = new SyntheticMarket(SyntheticMarket.Config.of(3, 60));
    private CommentaryJobs jobs;
    private CommentaryJobs other;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void freshSchema() throws Exception {
        TestPostgres.resetSchemaOrSkip(SCHEMA);
        ds = new HikariDataSource();
        ds.setJdbcUrl(TestPostgres.url(SCHEMA));
        ds.setUsername(TestPostgres.user());
        ds.setPassword(TestPostgres.password());
        ds.setMaximumPoolSize(8);
        JdbcClient jdbc = JdbcClient.create(ds);
        for (String file : new String[] {"V20__commentary.sql", "V21__commentary_review.sql"}) {
            try (var in = getClass().getResourceAsStream("/db/migration/" + file)) {
                for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "")
                        .split(";")) {
                    if (!sql.isBlank()) {
                        jdbc.sql(sql).update();
                    }
                }
            }
        }
        jobs = node(jdbc, meters, null);
        jobs.start();
    }

    /** One server's commentary jobs on the shared schema; {@code model} null = local templates. */
    private CommentaryJobs node(JdbcClient jdbc, SimpleMeterRegistry registry, ChatModel model) {
        CommentaryService service = CommentaryService.builder().marketData(MARKET).model(model).build();
        RunStore runs = new RunStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC());
        CommentaryProperties props = new CommentaryProperties(4, null, null, Duration.ofMillis(100), Duration.ofSeconds(1),
                4, null, null);
        JdbcArticleStore articles = new JdbcArticleStore(jdbc, org.finassist.content.commentary.ReviewPolicy.REVIEW_ALL);
        ContentSchedule schedule = new ContentSchedule(new ScheduleProperties(false, null, null, null, null, null, null),
                MARKET, org.finassist.content.market.TradingCalendar.WEEKDAYS, Clock.systemUTC(), null, Duration.ZERO);
        return new CommentaryJobs(ds, service, new CommentaryItems(service, articles), runs, MARKET,
                null, props, 4, registry, schedule, new ReviewQueue(articles, PublishHook.NONE, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        if (jobs != null) {
            jobs.stop();
        }
        if (other != null) {
            other.stop();
        }
        if (ds != null) {
            ds.close();
        }
    }

    @Test
    void itemsSpreadOverTwoNodesSharingTheDatabase() {
        jobs.stop();
        // a model that takes a moment, so one node cannot drain the run before the other polls
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                ServerProcess.sleep(40);
                return ChatResponse.builder().aiMessage(AiMessage.builder().text("当日个股行情整体平稳。")
                        .build()).metadata(RouteMetadata.builder().provider("fake").model("chat").build()).build();
            }
        };
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        JdbcClient jdbc = JdbcClient.create(ds);
        jobs = node(jdbc, first, slow);
        other = node(jdbc, second, slow);
        jobs.start();
        other.start();
        RunView done = await(jobs.start(null, "all", EnumSet.of(ArticleType.RECAP)).id());
        assertThat(done.done()).isEqualTo(done.total());
        // the run row commits before the last item's meter is counted: wait for the count, do not race it
        double total = awaitDoneCount(done.total(), first, second);
        double a = first.counter("finassist.commentary.items", "status", "done").count();
        double b = second.counter("finassist.commentary.items", "status", "done").count();
        assertThat(total).isEqualTo(done.total());
        assertThat(a).isPositive();
        assertThat(b).isPositive();
    }

    @Test
    void aRunCompletesOnPostgresAndARerunSkipsEveryArticle() {
        RunView run = jobs.start(null, "all", EnumSet.of(ArticleType.RECAP, ArticleType.ALERT, ArticleType.STRATEGY));
        RunView done = await(run.id());
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.done()).isEqualTo(run.total()).isGreaterThan(50);
        assertThat(awaitDoneCount(run.total(), meters)).isEqualTo(run.total());

        RunView again = await(jobs.start(null, "all", EnumSet.of(ArticleType.RECAP, ArticleType.ALERT,
                ArticleType.STRATEGY)).id());
        assertThat(again.skipped()).isEqualTo(run.total());
        assertThat(jobs.list(10)).extracting(RunView::id).containsExactly(again.id(), run.id());
    }

    /** The sum of the nodes' done-item counters once it reaches {@code expected}, or after 10 s whatever it is. */
    private static double awaitDoneCount(int expected, SimpleMeterRegistry... registries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double sum;
        do {
            sum = 0;
            for (SimpleMeterRegistry r : registries) {
                sum += r.counter("finassist.commentary.items", "status", "done").count();
            }
            if (sum >= expected) {
                return sum;
            }
            ServerProcess.sleep(20);
        } while (System.nanoTime() < deadline);
        return sum;
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
