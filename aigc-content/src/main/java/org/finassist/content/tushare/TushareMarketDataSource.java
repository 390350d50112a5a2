package org.finassist.content.tushare;

import org.finassist.content.market.Bar;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.Board;
import org.finassist.content.market.IndexNames;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.TradingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Daily bars from Tushare Pro: {@code stock_basic} (listed stocks, cached {@code basicsTtl}), {@code trade_cal}
 * (SSE calendar, cached), {@code daily} (unadjusted bars; volume in lots ×100 → shares, amount in thousand CNY
 * ×1000 → CNY), {@code adj_factor} (for {@link TushareConfig.Adjustment#FORWARD}) and {@code index_daily} for the
 * benchmark indices. A symbol's series is cached until the latest trading day moves. The day's bars count from
 * {@link #DATA_READY} Beijing time on (Tushare updates daily bars after the close). Minute bars: none.
 */
public final class TushareMarketDataSource implements MarketDataSource, TradingCalendar {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** When the day's bars are taken as published. */
    static final LocalTime DATA_READY = LocalTime.of(16, 0);
    /** Daily history fetched per symbol: enough for 250-day indicators and a year of context. */
    static final int HISTORY_DAYS = 550;
    private static final int CACHED_SERIES = 2_000;

    private final TushareClient client;
    private final TushareConfig config;
    private final Clock clock;
    private volatile Cached<Map<Symbol, SecurityInfo>> basics;
    private volatile Cached<NavigableSet<LocalDate>> calendar;
    private final Map<Symbol, BarSeries> series = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Symbol, BarSeries> eldest) {
            return size() > CACHED_SERIES;
        }
    });

    private record Cached<T>(T value, Instant at) {
    }

    public TushareMarketDataSource(TushareConfig config) {
        this(config, RateLimiter.perMinute(config.requestsPerMinute()), Clock.systemUTC());
    }

    TushareMarketDataSource(TushareConfig config, RateLimiter limiter, Clock clock) {
        this.config = config;
        this.client = new TushareClient(config, limiter);
        this.clock = clock;
    }

    @Override
    public List<SecurityInfo> securities() {
        List<SecurityInfo> out = new ArrayList<>(basics().values());
        IndexNames.all().forEach((s, n) -> out.add(new SecurityInfo(s, n, Board.INDEX, false, null, null)));
        return out;
    }

    @Override
    public Optional<SecurityInfo> security(Symbol symbol) {
        String index = IndexNames.all().get(symbol);
        if (index != null) {
            return Optional.of(new SecurityInfo(symbol, index, Board.INDEX, false, null, null));
        }
        return Optional.ofNullable(basics().get(symbol));
    }

    @Override
    public BarSeries dailyBars(Symbol symbol) {
        SecurityInfo info = security(symbol).orElseThrow(() -> new MarketDataException(
                MarketDataException.Reason.UNKNOWN_SYMBOL, "Tushare stock_basic does not list " + symbol));
        LocalDate latest = latestTradingDate();
        BarSeries cached = series.get(symbol);
        if (cached != null && !cached.isEmpty() && !cached.lastDate().isBefore(latest)) {
            return cached;
        }
        BarSeries fresh = new BarSeries(info, load(symbol, info.isIndex(), latest));
        series.put(symbol, fresh);
        return fresh;
    }

    /**
     * Every stock's bar of one day ({@code daily} by trade_date): what a market scan of that day needs in one call.
     *
     * @throws MarketDataException {@code NOT_TRADING_DAY} for a weekend or exchange holiday
     */
    public Map<Symbol, Bar> dailyOn(LocalDate date) {
        if (!isTradingDay(date)) {
            throw new MarketDataException(MarketDataException.Reason.NOT_TRADING_DAY,
                    date + " is not a trading day (SSE calendar from Tushare trade_cal)");
        }
        TushareTable t = client.call("daily", Map.of("trade_date", TushareTable.DAY.format(date)), DAILY_FIELDS);
        Map<Symbol, Bar> out = new LinkedHashMap<>();
        for (TushareTable.Row r : t.rows()) {
            Symbol.tryParse(r.text("ts_code")).ifPresent(s -> out.put(s, bar(r, 1.0)));
        }
        return out;
    }

    @Override
    public LocalDate latestTradingDate() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(BEIJING));
        LocalDate day = now.toLocalTime().isBefore(DATA_READY) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        LocalDate latest = calendar().floor(day);
        if (latest == null) {
            throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Tushare trade_cal has no open day "
                    + "on or before " + day);
        }
        return latest;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return calendar().contains(date);
    }

    static final String DAILY_FIELDS = "ts_code,trade_date,open,high,low,close,pre_close,vol,amount";

    private List<Bar> load(Symbol symbol, boolean index, LocalDate latest) {
        Map<String, String> range = Map.of("ts_code", symbol.toString(),
                "start_date", TushareTable.DAY.format(latest.minusDays(HISTORY_DAYS)),
                "end_date", TushareTable.DAY.format(latest));
        TushareTable daily = client.call(index ? "index_daily" : "daily", range, DAILY_FIELDS);
        Map<LocalDate, Double> factors = !index && config.adjust() == TushareConfig.Adjustment.FORWARD
                ? factors(client.call("adj_factor", range, "ts_code,trade_date,adj_factor")) : Map.of();
        double latestFactor = factors.isEmpty() ? 1.0 : factors.get(Collections.max(factors.keySet()));
        List<Bar> bars = new ArrayList<>();
        for (TushareTable.Row r : daily.rows()) {
            double f = factors.isEmpty() ? 1.0 : factors.getOrDefault(r.date("trade_date"), latestFactor) / latestFactor;
            bars.add(bar(r, f));
        }
        bars.sort(java.util.Comparator.comparing(Bar::date)); // Tushare answers newest first
        return bars;
    }

    private static Map<LocalDate, Double> factors(TushareTable t) {
        Map<LocalDate, Double> out = new HashMap<>();
        t.rows().forEach(r -> out.put(r.date("trade_date"), r.number("adj_factor")));
        return out;
    }

    /** One bar; prices × {@code factor} (1 = unadjusted), lots → shares, thousand CNY → CNY. */
    private static Bar bar(TushareTable.Row r, double factor) {
        return new Bar(r.date("trade_date"), round(r.number("pre_close") * factor), round(r.number("open") * factor),
                round(r.number("high") * factor), round(r.number("low") * factor), round(r.number("close") * factor),
                r.number("vol") * 100, r.number("amount") * 1000);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private Map<Symbol, SecurityInfo> basics() {
        Cached<Map<Symbol, SecurityInfo>> c = basics;
        if (c == null || expired(c.at())) {
            TushareTable t = client.call("stock_basic", Map.of("list_status", "L"), TushareMasterLoader.BASIC_FIELDS);
            Map<Symbol, SecurityInfo> m = new LinkedHashMap<>();
            for (TushareTable.Row r : t.rows()) {
                TushareMasterLoader.listed(r).ifPresent(s -> m.put(s.symbol(), s.info(null, null)));
            }
            c = new Cached<>(Collections.unmodifiableMap(m), clock.instant());
            basics = c;
        }
        return c.value();
    }

    private NavigableSet<LocalDate> calendar() {
        Cached<NavigableSet<LocalDate>> c = calendar;
        if (c == null || expired(c.at())) {
            LocalDate today = LocalDate.now(clock.withZone(BEIJING));
            TushareTable t = client.call("trade_cal", Map.of("exchange", "SSE",
                    "start_date", TushareTable.DAY.format(today.minusDays(HISTORY_DAYS + 30)),
                    "end_date", TushareTable.DAY.format(today.plusDays(31))), "exchange,cal_date,is_open");
            NavigableSet<LocalDate> open = new TreeSet<>();
            t.rows().stream().filter(r -> "1".equals(r.text("is_open"))).forEach(r -> open.add(r.date("cal_date")));
            if (open.isEmpty()) {
                throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Tushare trade_cal returned no open day");
            }
            c = new Cached<>(Collections.unmodifiableNavigableSet(open), clock.instant());
            calendar = c;
        }
        return c.value();
    }

    private boolean expired(Instant at) {
        return clock.instant().isAfter(at.plus(config.basicsTtl()));
    }
}
