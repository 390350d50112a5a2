package org.finassist.content.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads HQChart test-data files from a directory: {@code <code>.<sh|sz>.day.json} daily bars
 * ({@code [yyyymmdd, preClose, open, high, low, close, volume, amount]}), {@code minute/<code>.<ex>.1day.minute.json}
 * and {@code minute/<code>.<ex>.m1.kline.json} minute bars, and names from {@code constituents/*.csv}. Files are
 * parsed on first use and cached.
 */
public final class HqChartMarketDataSource implements MarketDataSource {

    private static final String DAY_SUFFIX = ".day.json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Symbol, SecurityInfo> securities;
    private final Map<Symbol, BarSeries> cache = new ConcurrentHashMap<>();
    private volatile LocalDate latest;

    public HqChartMarketDataSource(Path dir) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) {
            throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Not a directory: " + dir);
        }
        Map<Symbol, String> names = SecurityNames.readDirectory(dir.resolve("constituents"));
        this.securities = scan(names);
    }

    private Map<Symbol, SecurityInfo> scan(Map<Symbol, String> names) {
        Map<Symbol, SecurityInfo> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(DAY_SUFFIX)).sorted().forEach(n ->
                    Symbol.tryParse(n.substring(0, n.length() - DAY_SUFFIX.length())).ifPresent(s -> {
                        String name = s.board() == Board.INDEX ? IndexNames.nameOr(s, null) : names.get(s);
                        found.put(s, SecurityInfo.of(s, name));
                    }));
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Cannot list " + dir, e);
        }
        return found;
    }

    @Override
    public List<SecurityInfo> securities() {
        return List.copyOf(securities.values());
    }

    @Override
    public Optional<SecurityInfo> security(Symbol symbol) {
        return Optional.ofNullable(securities.get(symbol));
    }

    @Override
    public BarSeries dailyBars(Symbol symbol) {
        SecurityInfo info = security(symbol).orElseThrow(() -> new MarketDataException(
                MarketDataException.Reason.UNKNOWN_SYMBOL, "No HQChart day file for " + symbol + " in " + dir));
        return cache.computeIfAbsent(symbol, s -> new BarSeries(info, readDay(fileFor(s, DAY_SUFFIX))));
    }

    @Override
    public List<MinuteBar> minuteBars(Symbol symbol, LocalDate date) {
        Path oneDay = dir.resolve("minute").resolve(baseName(symbol) + ".1day.minute.json");
        if (Files.isRegularFile(oneDay)) {
            List<MinuteBar> bars = readOneDayMinutes(oneDay, date);
            if (!bars.isEmpty()) {
                return bars;
            }
        }
        Path kline = dir.resolve("minute").resolve(baseName(symbol) + ".m1.kline.json");
        return Files.isRegularFile(kline) ? readMinuteKline(kline, date) : List.of();
    }

    @Override
    public LocalDate latestTradingDate() {
        LocalDate latest = this.latest;
        if (latest == null) {
            // files do not change while the server runs; scanning every series once is enough
            latest = LatestTradingDate.scan(securities, this::dailyBars, dir);
            this.latest = latest;
        }
        return latest;
    }


    private Path fileFor(Symbol symbol, String suffix) {
        return dir.resolve(baseName(symbol) + suffix);
    }

    private static String baseName(Symbol symbol) {
        return symbol.code() + "." + symbol.exchange().name().toLowerCase(Locale.ROOT);
    }

    private List<Bar> readDay(Path file) {
        JsonNode rows = readTree(file).path("data");
        if (!rows.isArray()) {
            throw malformed(file, "no 'data' array");
        }
        Map<LocalDate, Bar> bars = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (!r.isArray() || r.size() < 8) {
                throw malformed(file, "row " + i + " has fewer than 8 fields");
            }
            LocalDate date = HqChartDates.date(r.get(0).asLong(), file, i);
            bars.put(date, new Bar(date, num(r, 1, file, i), num(r, 2, file, i), num(r, 3, file, i),
                    num(r, 4, file, i), num(r, 5, file, i), num(r, 6, file, i), num(r, 7, file, i)));
        }
        return bars.values().stream().sorted(Comparator.comparing(Bar::date)).toList();
    }

    private List<MinuteBar> readOneDayMinutes(Path file, LocalDate date) {
        List<MinuteBar> out = new ArrayList<>();
        for (JsonNode stock : readTree(file).path("stock")) {
            if (HqChartDates.date(stock.path("date").asLong(), file, 0).equals(date)) {
                for (JsonNode m : stock.path("minute")) {
                    LocalDateTime t = date.atTime(HqChartDates.time(m.path("time").asInt(), file));
                    out.add(new MinuteBar(t, m.path("open").asDouble(), m.path("high").asDouble(),
                            m.path("low").asDouble(), m.path("price").asDouble(), m.path("vol").asDouble(),
                            m.path("amount").asDouble()));
                }
            }
        }
        return out;
    }

    private List<MinuteBar> readMinuteKline(Path file, LocalDate date) {
        List<MinuteBar> out = new ArrayList<>();
        JsonNode rows = readTree(file).path("data");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (r.size() >= 9 && HqChartDates.date(r.get(0).asLong(), file, i).equals(date)) {
                LocalTime time = HqChartDates.time(r.get(8).asInt(), file);
                out.add(new MinuteBar(date.atTime(time), num(r, 2, file, i), num(r, 3, file, i),
                        num(r, 4, file, i), num(r, 5, file, i), num(r, 6, file, i), num(r, 7, file, i)));
            }
        }
        return out;
    }

    private JsonNode readTree(Path file) {
        try {
            return json.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA,
                    "Cannot parse " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static double num(JsonNode row, int idx, Path file, int rowNo) {
        JsonNode n = row.get(idx);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw malformed(file, "row " + rowNo + " field " + idx + " is not a number");
        }
        return n.asDouble();
    }

    static MarketDataException malformed(Path file, String what) {
        return new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, file.getFileName() + ": " + what);
    }
}
