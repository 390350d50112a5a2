package org.finassist.server.ops;

import org.finassist.server.support.DemoKnowledgeBaseContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.fake.Script;
import org.finassist.server.opening.SpecimenCard;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

/**
 * The chat widget, the dashboard and the admin page in Debian's Chromium, driven by npm playwright-core
 * ({@code src/test/node/browser/browser.mjs}, one phase per run so the fake upstream can be scripted in between).
 * Every phase also checks: no console errors, no request to any host but the server, no alert dialog.
 * Screenshots go to {@code target/browser-artifacts/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT extends DemoKnowledgeBaseContext {

    private static final Path DIR = Path.of("src/test/node/browser");
    private static final Path ARTIFACTS = Path.of("target/browser-artifacts").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAQ = "维持担保比例跌到警戒线以下会怎样";
    // two sentences: the answer gate releases text sentence by sentence, so the widget sees it arrive in two parts
    private static final String CITED = "根据资料[1]，维持担保比例低于**130%**时，需要在约定期限内追加担保物或自行平仓。"
            + "逾期未补足的，请以合同约定为准。";
    private static boolean indexed;

    @LocalServerPort
    int port;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void ready() throws Exception {
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("playwright-core in " + DIR + " or /usr/bin/chromium missing (scripts/test.sh installs them)");
        }
        Assumptions.assumeTrue(installed, "playwright-core or /usr/bin/chromium not installed; run scripts/test.sh");
        DS.reset();
        SF.reset();
        if (!indexed) {
            waitForDemoKnowledgeBase();
            indexed = true;
        }
    }

    /** The demo knowledge base is ingested in the background at start. */
    private void waitForDemoKnowledgeBase() throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            var r = Http.postJson(base() + "/api/kb/demo/search", "{\"query\":\"" + FAQ + "\"}");
            if (r.statusCode() == 200 && JSON.readTree(r.body()).path("passages").size() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("demo knowledge base not searchable after 180 s");
    }

    @Test
    @Order(1)
    void widgetStreamsCitedAnswersDiagnosesAndChecksIdPhotos() throws Exception {
        Font font = SpecimenCard.cjkFont().orElse(null);
        Assumptions.assumeTrue(font != null, "no CJK font installed (fonts-wqy-zenhei); cannot draw a specimen card");
        Files.createDirectories(ARTIFACTS);
        Path good = Files.write(ARTIFACTS.resolve("id-good.jpg"), SpecimenCard.frontJpeg(font));
        Path blurred = Files.write(ARTIFACTS.resolve("id-blurred.jpg"), SpecimenCard.blurredFrontJpeg(font, 5));
        DS.always(Script.ok(CITED).withChunkDelay(Duration.ofMillis(40)));

        JsonNode r = run("chat", FAQ, good.toString(), blurred.toString());

        JsonNode faq = r.path("faq");
        assertThat(faq.path("scenario").asText()).isEqualTo("qa");
        assertThat(faq.path("text").asText()).contains("维持担保比例低于130%").doesNotContain("**");
        assertThat(faq.path("partial").asBoolean()).as("text seen before the answer was done").isTrue();
        assertThat(faq.path("tokens").asInt()).isGreaterThan(1);
        assertThat(faq.path("citeButtons").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(faq.path("passageTitle").asText()).startsWith("[1]");
        assertThat(faq.path("passageText").asText()).isNotBlank();
        assertThat(faq.path("focusInDialog").asText()).isEqualTo("close");
        assertThat(faq.path("aiLabel").asText()).isEqualTo("AI生成");
        assertThat(faq.path("announced").asText()).as("live region").startsWith("助手回答：根据资料");
        assertThat(r.path("feedbackNote").asText()).contains("感谢");
        assertThat(r.path("handoff").asText()).contains("人工");

        JsonNode feedback = JSON.readTree(Http.get(base() + "/api/chat/feedback").body());
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).path("helpful").asBoolean()).isFalse();
        assertThat(feedback.get(0).path("reason").asText()).isEqualTo("inaccurate");
        assertThat(feedback.get(0).path("question").asText()).isEqualTo(FAQ);

        JsonNode card = r.path("diagnosis");
        assertThat(card.path("scenario").asText()).isEqualTo("stock-diagnosis");
        assertThat(card.path("title").asText()).contains("600000");
        assertThat(card.path("bars").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(card.path("radar").asInt()).isEqualTo(4);
        assertThat(card.path("facts").asInt()).isGreaterThan(3);
        assertThat(card.path("narrative").asText()).isNotBlank();
        assertThat(card.path("disclaimer").asText()).isNotBlank();

        assertThat(r.path("openingSteps").asInt()).isGreaterThan(3);
        JsonNode ok = r.path("photos").get(0);
        JsonNode bad = r.path("photos").get(1);
        assertThat(ok.path("accepted").asText()).as(ok.toString()).isEqualTo("true");
        assertThat(ok.path("verdict").asText()).contains("合格");
        assertThat(bad.path("accepted").asText()).as(bad.toString()).isEqualTo("false");
        assertThat(bad.path("verdict").asText()).contains("重拍");
        assertThat(bad.path("guidance").size()).isGreaterThan(0);
        assertThat(bad.path("checks").toString()).contains("清晰度：未通过");
        assertThat(bad.path("retake").asInt()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void injectedMarkupAndScriptLinksRenderAsText() throws Exception {
        DS.always(Script.ok("请看：<img src=x onerror=alert(1)> 和 [点我](javascript:alert(1)) 以及 [帮助](https://example.com/help) "
                + "<script>alert(2)</script>"));
        JsonNode r = run("inject", FAQ);
        JsonNode i = r.path("inject");
        assertThat(i.path("done").asBoolean()).isTrue();
        assertThat(i.path("text").asText()).contains("<img src=x onerror=alert(1)>").contains("[点我](javascript:alert(1))")
                .contains("<script>alert(2)</script>");
        assertThat(i.path("imgs").asInt()).isZero();
        assertThat(i.path("anchors").toString()).isEqualTo("[\"https://example.com/help\"]");
        assertThat(i.path("elements").toString()).doesNotContain("img", "script");
    }

    @Test
    @Order(3)
    void usableAt360PixelsWide() throws Exception {
        DS.always(Script.ok(CITED));
        JsonNode m = run("mobile").path("mobile");
        assertThat(m.path("scrollWidth").asInt()).isLessThanOrEqualTo(360);
        assertThat(m.path("widgetWidth").asDouble()).isLessThanOrEqualTo(360);
        assertThat(m.path("answer").asText()).isNotBlank();
        assertThat(m.path("sendVisible").asBoolean()).isTrue();
        assertThat(m.path("handoffVisible").asBoolean()).isTrue();
        assertThat(m.path("chipsInView").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void aDroppedNetworkResumesTheQuestion() throws Exception {
        DS.always(Script.ok(CITED));
        JsonNode r = run("offline", FAQ);
        assertThat(r.path("offlineStatus").asText()).contains("网络已断开");
        assertThat(r.path("resumed").path("answers").asInt()).isEqualTo(1);
        assertThat(r.path("resumed").path("text").asText()).contains("维持担保比例低于130%");
    }

    @Test
    @Order(5)
    void dashboardShowsTheTrafficAndTheAdminPageSearches() throws Exception {
        DS.always(Script.ok(CITED));
        JsonNode r = run("ops", FAQ);
        assertThat(r.path("refreshed").asBoolean()).as("the dashboard refreshes by itself").isTrue();
        JsonNode ops = r.path("ops");
        assertThat(ops.path("answers").asDouble()).as(ops.toString()).isGreaterThan(0);
        assertThat(ops.path("resolutionRate").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(100);
        assertThat(ops.path("requests").asDouble()).isGreaterThan(0);
        assertThat(ops.path("idRejections").asDouble()).isGreaterThan(0);
        assertThat(ops.path("notHelpful").asDouble()).isGreaterThan(0);
        assertThat(ops.path("charts").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode admin = r.path("admin");
        assertThat(admin.path("kbs").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(admin.path("passages").asInt()).isGreaterThan(0);
        assertThat(admin.path("firstLegs").asText()).containsAnyOf("KEYWORD", "VECTOR", "FAQ");
        assertThat(admin.path("feedback").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(admin.path("keys").asInt()).isEqualTo(1);
        assertThat(admin.path("keyRole").asText()).isEqualTo("gateway");
        assertThat(admin.path("upload").asText()).contains("night-trading.md：INDEXED");
        assertThat(admin.path("docs").asInt()).isEqualTo(1);
        assertThat(admin.path("reindex").asText()).contains("重建索引完成：1 个文档").doesNotContain("失败");
        assertThat(admin.path("kbsAfterDelete").asInt()).isEqualTo(admin.path("kbs").asInt());
    }

    /** Real sessions through the opening API, simulated traffic beside them, then the funnel screen and big screen. */
    @Test
    @Order(6)
    void funnelScreenAndBigScreen() throws Exception {
        for (String channel : List.of("wechat", "douyin")) {
            JsonNode session = JSON.readTree(Http.postJson(base() + "/api/opening/sessions?channel=" + channel, "").body());
            String url = base() + "/api/opening/sessions/" + session.path("sessionId").asText();
            assertThat(session.path("guidance").asBoolean()).as("experiment off: everyone guided").isTrue();
            Http.postJson(url, "{\"step\":\"phone\",\"fields\":{\"mobile\":\"1381234\",\"smsCode\":\"123456\"}}");
            Http.postJson(url, "{\"step\":\"phone\",\"fields\":{\"mobile\":\"13812345678\",\"smsCode\":\"123456\"}}");
        }
        JsonNode api = JSON.readTree(Http.get(base() + "/api/ops/funnel?range=today").body());
        assertThat(api.path("totals").path("started").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.path("steps").get(0).path("completed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.path("steps").get(1).path("entered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.path("channels").toString()).contains("wechat", "douyin");
        var sim = Http.postJson(base() + "/admin/funnel/simulate?sessions=3000&days=8&seed=22", "");
        assertThat(sim.statusCode()).as(sim.body()).isEqualTo(200);
        assertThat(Http.get(base() + "/api/ops/funnel?range=forever").body()).contains("\"code\":\"bad_range\"");

        JsonNode r = run("funnel");
        JsonNode f = r.path("funnel");
        assertThat(f.path("bannerHidden").asBoolean()).as("customers' data carries no simulated banner").isTrue();
        assertThat(f.path("real").path("started").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(f.path("simulated").path("started").asLong()).as(f.toString()).isGreaterThan(1000);
        assertThat(f.path("simulated").path("openingRate").asDouble()).isBetween(0.15, 0.6);
        assertThat(f.path("charts").asInt()).isEqualTo(7);
        assertThat(f.path("reasons").size()).isGreaterThanOrEqualTo(5);
        assertThat(f.path("experiment").asText()).contains("guided:", "control:", "p = ");
        assertThat(f.path("csv").path("status").asInt()).isEqualTo(200);
        assertThat(f.path("csv").path("type").asText()).startsWith("text/csv");
        assertThat(f.path("csv").path("lines").asInt()).isEqualTo(12);
        JsonNode big = r.path("big");
        assertThat(big.path("big").asBoolean()).isTrue();
        assertThat(big.path("scrollWidth").asInt()).isLessThanOrEqualTo(1920);
        assertThat(big.path("scrollHeight").asInt()).isLessThanOrEqualTo(1080);
        assertThat(big.path("background").asText()).isEqualTo("rgb(5, 9, 15)");
        assertThat(big.path("controlsVisible").asBoolean()).isFalse();
        assertThat(big.path("banner").asBoolean()).isTrue();
        assertThat(big.path("refreshes").asInt()).as("refreshes by itself").isGreaterThanOrEqualTo(2);
        assertThat(big.path("charts").asInt()).isEqualTo(7);
        assertThat(big.path("chartsInView").asBoolean()).isTrue();
    }

    @Test
    void widgetScriptIsSmall() throws Exception {
        assertThat(new ClassPathResource("static/widget/finassist-chat.js").contentLength()).isLessThan(100 * 1024);
    }

    @Test
    @Order(7)
    void theWidgetShowsTheHandOffAndTheAgentsReplyFromTheInbox() throws Exception {
        int before = DS.requests();
        JsonNode r = run("handoff", "转人工！！你们这机器人根本答非所问", "您好，我是人工客服小王，已经看到您的问题，马上为您处理。");
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.path("handoff").path("banner").asText()).contains("人工客服");
        assertThat(r.path("handoff").path("reason").asText()).isEqualTo("explicit");
        assertThat(r.path("handoff").path("done").asBoolean()).isTrue();
        assertThat(DS.requests()).as("a hand-off asks no model").isEqualTo(before);
        assertThat(r.path("inbox").path("row").asText()).contains("explicit");
        assertThat(r.path("inbox").path("history").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(r.path("agentReply").asText()).contains("人工客服小王");
        assertThat(r.path("inbox").path("drafts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.path("consoleErrors")).isEmpty();
    }

    private JsonNode run(String phase, String... args) throws Exception {
        Files.createDirectories(ARTIFACTS);
        List<String> cmd = new ArrayList<>(List.of("node", "browser.mjs", base(), phase, ARTIFACTS.toString()));
        cmd.addAll(List.of(args));
        Path log = ARTIFACTS.resolve(phase + ".out");
        Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("browser phase " + phase + " timed out: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        JsonNode r = JSON.readTree(last);
        assertThat(r.path("ok").asBoolean()).as(out).isTrue();
        assertThat(r.path("consoleErrors")).as("console errors in " + phase).isEmpty();
        assertThat(r.path("foreignRequests")).as("requests to other hosts in " + phase).isEmpty();
        assertThat(r.path("dialogs")).as("alert dialogs in " + phase).isEmpty();
        return r;
    }
}
