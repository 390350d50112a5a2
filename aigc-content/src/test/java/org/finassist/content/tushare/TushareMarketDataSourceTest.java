package org.finassist.content.tushare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.finassist.content.market.Bar;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.Board;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.StPeriod;
import org.finassist.content.market.Symbol;
import org.finassist.content.master.ListedSecurity;
import org.finassist.content.master.SecuritiesMaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against a local server answering Tushare's recorded-shape fixtures ({@code tushare/*.json}). */
class TushareMarketDataSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2024-10-05 10:00 in Beijing: inside the National Day holiday, so the latest trading day is 2024-09-30. */
    private static final Instant HOLIDAY = Instant.parse("2024-10-05T02:00:00Z");

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> forced = new AtomicReference<>();
    private final MutableClock clock = new MutableClock(HOLIDAY);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            byte[] answer = fixture(forced.get() != null ? forced.get() : fixtureFor(body));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String fixtureFor(JsonNode body) {
        String api = body.path("api_name").asText();
        JsonNode p = body.path("params");
        return switch (api) {
            case "daily" -> p.has("trade_date") ? "daily_" + p.path("trade_date").asText()
                    : "daily_" + p.path("ts_code").asText().substring(0, 6);
            case "adj_factor" -> "adj_factor_" + p.path("ts_code").asText().substring(0, 6);
            default -> api;
        };
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TushareMarketDataSourceTest.class.getResourceAsStream("/tushare/" + name + ".json")) {
            return in == null ? "{\"code\":-1,\"msg\":\"no fixture\"}".getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
        }
    }

    private TushareConfig config(TushareConfig.Adjustment adjust) {
        return new TushareConfig(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "test-token",
                6000, Duration.ofSeconds(5), Duration.ofHours(6), adjust);
    }

    private TushareMarketDataSource source(TushareConfig.Adjustment adjust) {
        return new TushareMarketDataSource(config(adjust), new RateLimiter(6000, () -> 0L, n -> { }), clock);
    }

    private long calls(String api) {
        return requests.stream().filter(r -> r.path("api_name").asText().equals(api)).count();
    }

    @Test
    void readsStockBasicsCalendarAndUnadjustedBars() {
        TushareMarketDataSource source = source(TushareConfig.Adjustment.NONE);
        assertThat(source.latestTradingDate()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(source.security(Symbol.parse("300750")).orElseThrow().board()).isEqualTo(Board.CHINEXT);
        assertThat(source.security(Symbol.parse("830799.BJ")).orElseThrow().board()).isEqualTo(Board.BSE);
        assertThat(source.security(Symbol.parse("000004")).orElseThrow().st()).isTrue();
        assertThat(source.security(Symbol.parse("600519")).orElseThrow().listDate()).isEqualTo(LocalDate.of(2001, 8, 27));

        BarSeries bars = source.dailyBars(Symbol.parse("600519.SH"));
        assertThat(bars.bars()).extracting(Bar::date).containsExactly(LocalDate.of(2024, 9, 26),
                LocalDate.of(2024, 9, 27), LocalDate.of(2024, 9, 30));
        Bar last = bars.bars().getLast();
        assertThat(last.close()).isEqualTo(1769.0);
        assertThat(last.preClose()).isEqualTo(1655.0);
        assertThat(last.volume()).isCloseTo(9_876_543, org.assertj.core.data.Offset.offset(0.5)); // lots × 100
        assertThat(last.amount()).isCloseTo(17_162_345_678.0, org.assertj.core.data.Offset.offset(0.5)); // k CNY × 1000

        JsonNode daily = requests.stream().filter(r -> r.path("api_name").asText().equals("daily")).findFirst().orElseThrow();
        assertThat(daily.path("token").asText()).isEqualTo("test-token");
        assertThat(daily.path("params").path("end_date").asText()).isEqualTo("20240930");
        assertThat(daily.path("fields").asText()).contains("pre_close", "vol", "amount");
        assertThat(calls("adj_factor")).isZero();
    }

    @Test
    void forwardAdjustsByTheLatestFactor() {
        BarSeries bars = source(TushareConfig.Adjustment.FORWARD).dailyBars(Symbol.parse("600519"));
        assertThat(bars.bars().getFirst().close()).isEqualTo(1540.0 * 7.6 / 8.0);
        assertThat(bars.bars().getLast().close()).isEqualTo(1769.0);
    }

    @Test
    void cachesSeriesUntilTheLatestDayMovesAndBasicsForTheirTtl() {
        TushareMarketDataSource source = source(TushareConfig.Adjustment.NONE);
        source.dailyBars(Symbol.parse("600519"));
        source.dailyBars(Symbol.parse("600519"));
        source.securities();
        assertThat(calls("daily")).isEqualTo(1);
        assertThat(calls("stock_basic")).isEqualTo(1);
        assertThat(calls("trade_cal")).isEqualTo(1);
        clock.advance(Duration.ofHours(7));
        source.securities();
        assertThat(calls("stock_basic")).isEqualTo(2);
        // the holiday is over on 2024-10-08 after 16:00: a new latest day, a new fetch
        clock.set(Instant.parse("2024-10-08T09:00:00Z"));
        assertThat(source.latestTradingDate()).isEqualTo(LocalDate.of(2024, 10, 8));
        source.dailyBars(Symbol.parse("600519"));
        assertThat(calls("daily")).isEqualTo(2);
    }

    @Test
    void aHolidayIsRefusedWithoutAskingForBars() {
        TushareMarketDataSource source = source(TushareConfig.Adjustment.NONE);
        assertThatThrownBy(() -> source.dailyOn(LocalDate.of(2024, 10, 1)))
                .isInstanceOfSatisfying(MarketDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MarketDataException.Reason.NOT_TRADING_DAY);
                    assertThat(e.getMessage()).contains("2024-10-01", "not a trading day");
                });
        assertThat(calls("daily")).isZero();
        assertThat(source.isTradingDay(LocalDate.of(2024, 10, 8))).isTrue();
        assertThat(source.isTradingDay(LocalDate.of(2024, 10, 5))).isFalse();
        assertThat(source.dailyOn(LocalDate.of(2024, 9, 30))).containsKeys(Symbol.parse("600519"), Symbol.parse("300750"));
    }

    @Test
    void badTokenAndRateLimitAreNamedWithoutTheToken() {
        forced.set("error_token");
        assertThatThrownBy(() -> source(TushareConfig.Adjustment.NONE).securities())
                .isInstanceOfSatisfying(MarketDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MarketDataException.Reason.AUTH);
                    assertThat(e.getMessage()).contains("token was refused", "40101").doesNotContain("test-token");
                });
        forced.set("error_rate");
        assertThatThrownBy(() -> source(TushareConfig.Adjustment.NONE).latestTradingDate())
                .isInstanceOfSatisfying(MarketDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MarketDataException.Reason.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("rate limit", "40203");
                });
        assertThat(config(TushareConfig.Adjustment.NONE).toString()).doesNotContain("test-token");
    }

    @Test
    void anUnreachableApiIsUnavailable() {
        TushareConfig dead = new TushareConfig(URI.create("http://127.0.0.1:1/"), "t", 60, Duration.ofSeconds(2),
                null, null);
        assertThatThrownBy(() -> new TushareMarketDataSource(dead, new RateLimiter(60, () -> 0L, n -> { }), clock)
                .securities()).isInstanceOfSatisfying(MarketDataException.class,
                e -> assertThat(e.reason()).isEqualTo(MarketDataException.Reason.UNAVAILABLE));
    }

    @Test
    void masterLoaderReadsInitialsIndustryFormerNamesAndStPeriods() {
        TushareConfig c = config(TushareConfig.Adjustment.NONE);
        SecuritiesMaster master = new TushareMasterLoader(new TushareClient(c, new RateLimiter(6000, () -> 0L, n -> { })))
                .load();
        assertThat(master.size()).isEqualTo(6);
        ListedSecurity moutai = master.find(Symbol.parse("600519")).orElseThrow();
        assertThat(moutai.pinyinInitials()).containsExactly("gzmt");
        assertThat(moutai.industry()).isEqualTo("白酒");
        ListedSecurity guohua = master.find(Symbol.parse("000004")).orElseThrow();
        assertThat(guohua.formerNames()).containsExactly("国农科技", "国华网安");
        assertThat(guohua.stPeriods()).containsExactly(
                new StPeriod(LocalDate.of(2023, 5, 4), LocalDate.of(2024, 5, 5), "ST"),
                new StPeriod(LocalDate.of(2024, 5, 6), null, "*ST"));
        assertThat(guohua.stOn(LocalDate.of(2023, 5, 3))).isFalse();
        assertThat(guohua.stOn(LocalDate.of(2023, 5, 4))).isTrue();
        assertThat(master.find(Symbol.parse("830799.BJ")).orElseThrow().board()).isEqualTo(Board.BSE);
    }

    @Test
    void theRateLimiterSpacesCallsEvenly() throws InterruptedException {
        long[] now = {0};
        List<Long> sleeps = new CopyOnWriteArrayList<>();
        RateLimiter limiter = new RateLimiter(120, () -> now[0], sleeps::add); // one call every 0.5 s
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();
        assertThat(sleeps).containsExactly(500_000_000L, 1_000_000_000L);
        now[0] = 10_000_000_000L; // idle for a while: no debt carried
        limiter.acquire();
        assertThat(sleeps).hasSize(2);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant i) {
            now = i;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            MutableClock self = this;
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(java.time.ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
