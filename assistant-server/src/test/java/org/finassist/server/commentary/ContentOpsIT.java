package org.finassist.server.commentary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.finassist.content.commentary.Article;
import org.finassist.content.commentary.ArticleId;
import org.finassist.content.commentary.ArticleStatus;
import org.finassist.content.commentary.ArticleType;
import org.finassist.content.commentary.ReviewPolicy;
import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.core.fake.Script;
import org.finassist.server.support.FakeUpstreams;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/**
 * Issue 21's content operations end to end on the embedded default (H2, the demo market ending 2024-09-19, a
 * Thursday): the schedule's tasks are registered with db-scheduler; a scheduled recap tick on a trading day fills the
 * review queue; approval publishes through the webhook; rejection needs a reason; non-trading days and lunch breaks
 * run nothing; clean articles can be approved and published without a reviewer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentOpsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> WEBHOOK = new CopyOnWriteArrayList<>();
    private static HttpServer webhook;

    @LocalServerPort
    int port;

    @Autowired
    ContentSchedule schedule;

    @Autowired
    CommentaryJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        FakeUpstreams.register(r);
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/publish", exchange -> {
            WEBHOOK.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        r.add("finassist.content.model-narrative", () -> "false");
        r.add("finassist.content.schedule.enabled", () -> "true");
        r.add("finassist.content.schedule.universe", () -> "csi300");
        r.add("finassist.content.schedule.recap-types", () -> "recap");
        r.add("finassist.content.review.publish", () -> "webhook");
        r.add("finassist.content.review.webhook-url",
                () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/publish");
    }

    @BeforeEach
    void reset() {
        DS.reset();
        SF.reset();
        DS.always(Script.status(500, "down")); // the local template writes: deterministic and fast
        SF.always(Script.status(500, "down"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static ZonedDateTime beijing(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]");
    }

    private RunView finished(RunView run) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            RunView now = jobs.get(run.id()).orElseThrow();
            if (now.finished()) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run.id() + " did not finish");
    }

    @Test
    void theScheduleIsRegisteredWithDbScheduler() {
        List<String> tasks = jdbc.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list();
        assertThat(tasks).contains(ContentSchedule.ALERTS_TASK, ContentSchedule.RECAP_TASK);
    }

    @Test
    void aScheduledRecapFillsTheQueueAndApprovalPublishes() throws Exception {
        RunView run = finished(schedule.recapTick(beijing("2024-09-19T15:30"), jobs::start).orElseThrow());
        assertThat(run.done()).isGreaterThan(0);
        JsonNode pending = JSON.readTree(Http.get(url("/api/commentary/review?state=pending&limit=500")).body());
        assertThat(pending.path("items").size()).isGreaterThanOrEqualTo(run.done());
        JsonNode first = pending.path("items").get(0);
        assertThat(first.path("reviewState").asText()).isEqualTo("pending");
        assertThat(first.path("markdown").asText()).contains("模拟");
        assertThat(WEBHOOK).as("nothing is published before review").noneMatch(w -> w.path("id").asText()
                .equals(first.path("id").asText()));

        String id = first.path("id").asText();
        HttpResponse<String> approved = Http.postJson(url("/api/commentary/review/approve"),
                "{\"id\":\"" + id + "\",\"reviewer\":\"ops-li\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(approved.body());
        assertThat(a.path("reviewState").asText()).isEqualTo("approved");
        assertThat(a.path("reviewer").asText()).contains("ops-li");
        assertThat(a.path("publishedAt").isNull()).isFalse();
        assertThat(WEBHOOK).anySatisfy(w -> {
            assertThat(w.path("id").asText()).isEqualTo(id);
            assertThat(w.path("reviewer").asText()).contains("ops-li");
            assertThat(w.path("markdown").asText()).isNotBlank();
            assertThat(w.path("article").path("id").isMissingNode()).isFalse();
        });

        HttpResponse<String> again = Http.postJson(url("/api/commentary/review/approve"),
                "{\"id\":\"" + id + "\",\"reviewer\":\"ops-li\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("not_pending");

        String other = pending.path("items").get(1).path("id").asText();
        HttpResponse<String> noReason = Http.postJson(url("/api/commentary/review/reject"),
                "{\"id\":\"" + other + "\",\"reviewer\":\"ops-li\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(JSON.readTree(noReason.body()).path("code").asText()).isEqualTo("reason_required");
        HttpResponse<String> rejected = Http.postJson(url("/api/commentary/review/reject"),
                "{\"id\":\"" + other + "\",\"reviewer\":\"ops-li\",\"reason\":\"标题与正文不符\"}");
        assertThat(JSON.readTree(rejected.body()).path("reviewState").asText()).isEqualTo("rejected");
        assertThat(JSON.readTree(rejected.body()).path("reason").asText()).isEqualTo("标题与正文不符");
        assertThat(WEBHOOK).noneMatch(w -> w.path("id").asText().equals(other));
    }

    @Test
    void nothingRunsOffTradingDaysOutsideSessionsOrBeforeTheDataHasTheDay() {
        assertThat(schedule.recapTick(beijing("2024-09-21T15:30"), jobs::start)).as("Saturday").isEmpty();
        assertThat(schedule.recapTick(beijing("2024-09-20T15:30"), jobs::start)).as("no data for the day yet").isEmpty();
        assertThat(schedule.alertsTick(beijing("2024-09-19T12:00"), jobs::start)).as("lunch break").isEmpty();
        assertThat(schedule.alertsTick(beijing("2024-09-19T09:25"), jobs::start)).as("before the open").isEmpty();
        assertThat(ContentSchedule.inSession(java.time.LocalTime.of(9, 30))).isTrue();
        assertThat(ContentSchedule.inSession(java.time.LocalTime.of(11, 31))).isFalse();
        assertThat(ContentSchedule.inSession(java.time.LocalTime.of(15, 0))).isTrue();
        assertThat(ContentSchedule.inSession(java.time.LocalTime.of(15, 1))).isFalse();
    }

    @Test
    void cleanArticlesAreAutoApprovedAndPublishedWhenConfigured() {
        JdbcArticleStore auto = new JdbcArticleStore(jdbc, new ReviewPolicy(true, 0));
        PublishHook hook = new WebhookPublishHook(java.net.URI.create("http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/publish"), null);
        ReviewQueue queue = new ReviewQueue(auto, hook, Clock.systemUTC());
        ArticleId id = new ArticleId(ArticleType.STRATEGY, "MARKET", LocalDate.of(2024, 9, 19), "t-auto");
        auto.save(new Article(id, ArticleStatus.DONE, "全市场", new Article.Text("测试标题", "正文", "发布", List.of()),
                new Article.Evidence(List.of(), List.of(), List.of(),
                        List.of(new NarrativeAttempt("model", "正文", true, List.of(), null, "m", 1))),
                new Article.Generation(NarrativeSource.MODEL, "commentary", "m", 0, 0, BigDecimal.ZERO), Instant.now()),
                "test");
        assertThat(queue.get(id.value()).orElseThrow().reviewState()).isEqualTo("approved");
        assertThat(queue.get(id.value()).orElseThrow().reviewer()).isEqualTo(JdbcArticleStore.AUTO_REVIEWER);
        assertThat(queue.publishApproved()).isGreaterThanOrEqualTo(1);
        assertThat(queue.get(id.value()).orElseThrow().publishedAt()).isNotNull();
        assertThat(WEBHOOK).anySatisfy(w -> assertThat(w.path("id").asText()).isEqualTo(id.value()));
        assertThat(queue.publishApproved()).as("published once").isZero();
    }

    @Autowired
    JdbcArticleStore articles;

    /** The commentary scenario in chat: only approved articles are answered; the market falls back to the scan. */
    @Test
    void chatAnswersWithTheLatestApprovedArticleOrTheScan() throws Exception {
        ArticleId id = new ArticleId(ArticleType.RECAP, "600519.SH", LocalDate.of(2024, 9, 19), "t-chat");
        String published = "【AI生成】贵州茅台2024-09-19复盘\n收盘价为模拟数据。\n数据日期：2024-09-19";
        articles.save(new Article(id, ArticleStatus.DONE, "贵州茅台",
                new Article.Text("贵州茅台复盘", "正文", published, List.of()),
                new Article.Evidence(List.of(), List.of(), List.of(),
                        List.of(new NarrativeAttempt("template", "正文", true, List.of(), null, null, null))),
                new Article.Generation(NarrativeSource.LOCAL_TEMPLATE, "local", "local-template", 0, 0, BigDecimal.ZERO),
                Instant.now()), "test");
        assertThat(chat("茅台复盘")).as("pending: not shown").contains("暂无贵州茅台（600519.SH）经审核发布");
        Http.postJson(url("/api/commentary/review/approve"), "{\"id\":\"" + id.value() + "\",\"reviewer\":\"ops\"}");
        assertThat(chat("茅台复盘")).contains("贵州茅台2024-09-19复盘", "收盘价为模拟数据");
        assertThat(chat("今天大盘怎么样")).contains("2024-09-19", "模拟").doesNotContain("板块表现");
        // the shipped master has no industries: the answer says so and ranks the board indices, strongest first
        assertThat(chat("今天哪些板块涨得好")).contains("板块表现", "没有行业分类", "2024-09-19");
    }

    private String chat(String message) throws Exception {
        HttpResponse<String> r = Http.postJson(url("/api/chat"), "{\"message\":\"" + message + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        for (String frame : r.body().split("\n\n")) {
            if (frame.startsWith("event: token")) {
                text.append(JSON.readTree(frame.substring(frame.indexOf("data: ") + 6)).path("delta").asText());
            }
        }
        return text.toString();
    }
}
