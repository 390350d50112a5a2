package org.finassist.server.diagnosis;

import org.finassist.server.support.SharedServerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.content.diagnosis.DiagnosisException;
import org.finassist.content.diagnosis.DiagnosisFacts;
import org.finassist.content.diagnosis.DiagnosisService;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.core.fake.Script;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.server.support.FakeUpstreams.DS;
import static org.finassist.server.support.FakeUpstreams.SF;

class DiagnosisApiIT extends SharedServerContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MarketDataSource market;

    @Autowired
    DiagnosisService service;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        DS.reset();
        SF.reset();
    }

    private SecurityInfo diagnosable() {
        return market.securities().stream().filter(s -> !s.isIndex()).filter(s -> {
            try {
                service.facts(s.symbol().toString());
                return true;
            } catch (DiagnosisException e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private JsonNode get(String symbol, int status) throws Exception {
        HttpResponse<String> r = Http.get("http://127.0.0.1:" + port + "/api/diagnosis/"
                + URLEncoder.encode(symbol, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    @Test
    void groundedModelNarrativeIsServedWithFactsScoresAndLabels() throws Exception {
        SecurityInfo s = diagnosable();
        DiagnosisFacts f = service.facts(s.symbol().toString());
        String text = f.security().name() + "截至" + f.asOf() + "收盘价" + f.get("close").display() + "，近20日涨跌幅"
                + f.get("change20d").display() + "。";
        DS.always(Script.ok(text));

        JsonNode body = get(s.name(), 200);
        assertThat(body.path("symbol").asText()).isEqualTo(s.symbol().toString());
        assertThat(body.path("dataDate").asText()).isEqualTo(market.latestTradingDate().toString());
        assertThat(body.path("narrative").path("source").asText()).isEqualTo("MODEL");
        assertThat(body.path("narrative").path("text").asText()).isEqualTo(text);
        assertThat(body.path("facts").findValuesAsText("key")).contains("close", "ma20", "macdBar", "rsi12", "limitUps60");
        assertThat(body.path("scores")).hasSize(5);
        assertThat(body.path("ratingLabel").asText()).isIn("偏强", "中性偏强", "中性", "中性偏弱", "偏弱");
        assertThat(body.path("publishedText").asText()).startsWith("【AI生成】").contains("不构成投资建议")
                .as("the demo market's prices are said to be simulated").contains("模拟行情", "价格与成交数据均为模拟", "并非真实行情");
        assertThat(body.path("disclosureCheck").path("passed").asBoolean()).isTrue();
        assertThat(DS.requests()).isEqualTo(1);
    }

    @Test
    void buyAdviceFromEveryProviderFallsBackToTheTemplateAndIsCounted() throws Exception {
        SecurityInfo s = diagnosable();
        DS.always(Script.ok("技术面向好，建议买入。"));
        SF.always(Script.ok("技术面向好，建议买入。"));
        double before = registry.counter("finassist.guardrail.rejections", "scenario", "stock-diagnosis",
                "guardrail", "compliance", "code", "TRADING_ADVICE").count();

        JsonNode body = get(s.symbol().code(), 200);
        JsonNode narrative = body.path("narrative");
        assertThat(narrative.path("source").asText()).isEqualTo("TEMPLATE_FALLBACK");
        assertThat(narrative.path("attempts")).hasSize(3);
        assertThat(narrative.path("attempts").get(0).path("violations").get(0).path("code").asText())
                .isEqualTo("TRADING_ADVICE");
        assertThat(body.path("publishedText").asText()).doesNotContain("买入");
        assertThat(registry.counter("finassist.guardrail.rejections", "scenario", "stock-diagnosis",
                "guardrail", "compliance", "code", "TRADING_ADVICE").count()).isEqualTo(before + 2);
    }

    /** "诊股 <code>" and "帮我看看<name>" in the chat are grounded on the same computed facts. */
    @Test
    void chatDiagnosisIsGroundedOnTheFacts() throws Exception {
        SecurityInfo s = diagnosable();
        DiagnosisFacts f = service.facts(s.symbol().toString());
        DS.keepBodies(true).always(Script.ok("好的。"));
        HttpResponse<String> byCode = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"诊股 " + s.symbol().code() + "\"}");
        assertThat(byCode.statusCode()).as(byCode.body()).isEqualTo(200);
        assertThat(DS.bodies().getLast().toString()).contains(f.get("close").display(), f.get("ma20").display());
        assertThat(byCode.body()).contains("event: subject\ndata: {\"symbol\":\"" + s.symbol() + "\"}");
        HttpResponse<String> unknown = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"诊股 999999\"}");
        assertThat(unknown.body()).as("no card for a code that does not exist").doesNotContain("event: subject");
        HttpResponse<String> byName = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"帮我看看" + s.name() + "\",\"scenario\":\"stock-diagnosis\"}");
        assertThat(byName.statusCode()).as(byName.body()).isEqualTo(200);
        assertThat(DS.bodies().getLast().toString()).contains(f.get("rsi12").display(), f.asOf().toString());
    }

    @Test
    void chatAnswerWithAdviceOrAnInventedPriceNeverReachesTheCustomer() throws Exception {
        SecurityInfo s = diagnosable();
        DS.always(Script.ok("建议立即买入，目标价99.99元。"));
        SF.always(Script.ok("稳赚不赔，收盘价88.88元。"));
        HttpResponse<String> r = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"诊股 " + s.symbol().code() + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        for (String frame : r.body().split("\n\n")) {
            if (frame.startsWith("event: token")) {
                text.append(JSON.readTree(frame.substring(frame.indexOf("data: ") + 6)).path("delta").asText());
            }
        }
        assertThat(text.toString()).isNotBlank().doesNotContain("买入").doesNotContain("99.99").contains("AI");
        assertThat(r.body()).contains("\"outcome\":\"rejected\"").contains("\"provider\":\"local\"");
    }

    @Test
    void badInputGetsChineseMessagesWithoutStackTraces() throws Exception {
        JsonNode unknown = get("999999", 404);
        assertThat(unknown.path("code").asText()).isEqualTo("unknown_symbol");
        assertThat(unknown.path("status").asInt()).isEqualTo(404);
        assertThat(unknown.path("detail").asText()).contains("Cannot resolve");
        assertThat(unknown.path("message").asText()).contains("没有找到“999999”");
        assertThat(get("不存在的公司", 404).path("message").asText()).contains("没有找到");
        JsonNode index = get("000001.SH", 400);
        assertThat(index.path("message").asText()).contains("指数");
        SecurityInfo suspended = market.securities().stream().filter(s -> !s.isIndex())
                .filter(s -> market.dailyBars(s.symbol()).lastDate().isBefore(market.latestTradingDate()))
                .findFirst().orElseThrow();
        JsonNode body = get(suspended.symbol().toString(), 422);
        assertThat(body.path("message").asText()).contains("停牌");
        assertThat(body.toString()).doesNotContain("Exception", "at org.");
    }

    /** Issue 21: the names a customer uses, on every board of the shipped master; real names, simulated prices. */
    @Test
    void diagnosesRealStocksByCodeNameShortNameAndInitials() throws Exception {
        String[][] cases = {{"600519", "600519.SH", "贵州茅台"}, {"贵州茅台", "600519.SH", "贵州茅台"},
            {"茅台", "600519.SH", "贵州茅台"}, {"gzmt", "600519.SH", "贵州茅台"}, {"五粮液", "000858.SZ", "五粮液"},
            {"300750", "300750.SZ", "宁德时代"}, {"宁德", "300750.SZ", "宁德时代"}, {"怡合达", "301029.SZ", "怡合达"},
            {"688981", "688981.SH", "中芯国际"}, {"zxgj", "688981.SH", "中芯国际"}};
        DS.always(Script.status(500, "down"));
        SF.always(Script.status(500, "down"));
        for (String[] c : cases) {
            JsonNode body = get(c[0], 200);
            assertThat(body.path("symbol").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(body.path("name").asText()).as(c[0]).isEqualTo(c[2]);
            assertThat(body.path("publishedText").asText()).contains(c[2], "价格与成交数据均为模拟");
        }
        JsonNode ambiguous = get("平安", 409);
        assertThat(ambiguous.path("code").asText()).isEqualTo("ambiguous");
        assertThat(ambiguous.path("message").asText()).contains("平安银行（000001.SZ）", "中国平安（601318.SH）");
        assertThat(ambiguous.path("candidates").toString()).contains("000001.SZ", "601318.SH");
    }

    /** The issue's own sentences: recognised in chat, answered about the real company, never an invented one. */
    @Test
    void chatRecognisesTheNamesCustomersUse() throws Exception {
        DS.keepBodies(true).always(Script.ok("好的。"));
        for (String[] c : new String[][] {{"帮我诊断一下贵州茅台", "600519.SH"}, {"宁德时代现在怎么样", "300750.SZ"},
            {"600519能买吗", "600519.SH"}, {"300750 诊股", "300750.SZ"}, {"茅台走势如何", "600519.SH"}}) {
            HttpResponse<String> r = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                    "{\"message\":\"" + c[0] + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).as(c[0]).contains("event: subject\ndata: {\"symbol\":\"" + c[1] + "\"}");
            assertThat(DS.bodies().getLast().toString()).as(c[0])
                    .contains(c[1].startsWith("600519") ? "贵州茅台" : "宁德时代", "价格与成交数据为模拟");
        }
        HttpResponse<String> ambiguous = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"诊断一下平安\"}");
        assertThat(tokens(ambiguous.body())).contains("平安银行（000001.SZ）", "中国平安（601318.SH）", "哪一只");
        HttpResponse<String> unknown = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"帮我诊断一下雷霆万钧\"}");
        assertThat(tokens(unknown.body())).contains("没有找到“雷霆万钧”");
        HttpResponse<String> typo = Http.postJson("http://127.0.0.1:" + port + "/api/chat",
                "{\"message\":\"帮我诊断一下贵州矛台\"}");
        assertThat(tokens(typo.body())).contains("贵州茅台（600519.SH）");
    }

    private static String tokens(String sse) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String frame : sse.split("\n\n")) {
            if (frame.startsWith("event: token")) {
                text.append(JSON.readTree(frame.substring(frame.indexOf("data: ") + 6)).path("delta").asText());
            }
        }
        return text.toString();
    }
}
