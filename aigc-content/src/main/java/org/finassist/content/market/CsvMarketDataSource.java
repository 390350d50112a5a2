package org.finassist.content.market;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads plain CSV files from a directory: one {@code <symbol>.csv} per security (e.g. {@code 600000.SH.csv}) with
 * header {@code date,open,high,low,close,volume,amount[,preClose]} (date as yyyy-MM-dd or yyyyMMdd, columns found
 * by name), plus an optional {@code securities.csv} with {@code symbol,name[,listDate][,floatShares][,st]}.
 */
public final class CsvMarketDataSource implements MarketDataSource {

    static final String SECURITIES_FILE = "securities.csv";

    private final Path dir;
    private final Map<Symbol, SecurityInfo> securities;
    private final Map<Symbol, BarSeries> cache = new ConcurrentHashMap<>();
    private volatile LocalDate latest;

    public CsvMarketDataSource(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Not a directory: " + dir);
        }
        this.dir = dir;
        Map<Symbol, SecurityInfo> listed = CsvSecurities.read(dir.resolve(SECURITIES_FILE));
        this.securities = scan(listed);
    }

    private Map<Symbol, SecurityInfo> scan(Map<Symbol, SecurityInfo> listed) {
        Map<Symbol, SecurityInfo> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") && !n.equals(SECURITIES_FILE)).sorted()
                    .forEach(n -> Symbol.tryParse(n.substring(0, n.length() - 4)).ifPresent(s ->
                            found.put(s, listed.getOrDefault(s,
                                    SecurityInfo.of(s, s.board() == Board.INDEX ? IndexNames.nameOr(s, null) : null)))));
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
                MarketDataException.Reason.UNKNOWN_SYMBOL, "No CSV file for " + symbol + " in " + dir));
        return cache.computeIfAbsent(symbol, s -> new BarSeries(info, read(dir.resolve(s + ".csv"))));
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


    private static List<Bar> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, "Cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw HqChartMarketDataSource.malformed(file, "empty file");
        }
        CsvHeader header = CsvHeader.parse(lines.getFirst(), file);
        Map<LocalDate, Bar> bars = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                Bar bar = header.bar(lines.get(i), file, i + 1);
                bars.put(bar.date(), bar);
            }
        }
        return bars.values().stream().sorted(Comparator.comparing(Bar::date)).toList();
    }
}
