package org.finassist.content.master;

import org.finassist.content.market.Board;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.StPeriod;
import org.finassist.content.market.Symbol;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every listed A-share stock a deployment knows, by symbol, in symbol order. Immutable: a refresh builds a new one.
 * {@link #bundled()} is the master shipped with the project, built from public index-constituent lists (names and
 * codes only; see {@code docs/securities-master.md}).
 */
public final class SecuritiesMaster {

    /** Classpath location of the shipped master. */
    public static final String BUNDLED = "/org/finassist/content/master/securities-master.csv";

    private final Map<Symbol, ListedSecurity> bySymbol;
    private final String provenance;

    public SecuritiesMaster(Collection<ListedSecurity> securities, String provenance) {
        Map<Symbol, ListedSecurity> m = new LinkedHashMap<>();
        securities.stream().sorted(Comparator.comparing(s -> s.symbol().toString()))
                .forEach(s -> m.putIfAbsent(s.symbol(), s));
        this.bySymbol = java.util.Collections.unmodifiableMap(m);
        this.provenance = provenance == null ? "" : provenance;
    }

    /** The master shipped in this jar. */
    public static SecuritiesMaster bundled() {
        try (InputStream in = SecuritiesMaster.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Missing resource " + BUNDLED);
            }
            return MasterCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (java.io.IOException e) {
            throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Cannot read " + BUNDLED, e);
        }
    }

    /** A master of what a market-data source knows (names and ST flags only, no initials), indices left out. */
    public static SecuritiesMaster of(Collection<SecurityInfo> securities, String provenance) {
        return new SecuritiesMaster(securities.stream().filter(s -> !s.isIndex()).map(s -> new ListedSecurity(
                s.symbol(), s.board(), s.name(), List.of(), List.of(), s.listDate(),
                !s.stPeriods().isEmpty() ? s.stPeriods()
                        : s.st() ? List.of(new StPeriod(null, null, s.name().startsWith("*") ? "*ST" : "ST")) : List.of(),
                null)).toList(), provenance);
    }

    public List<ListedSecurity> all() {
        return List.copyOf(bySymbol.values());
    }

    public Optional<ListedSecurity> find(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    public int size() {
        return bySymbol.size();
    }

    /** Stocks per board, for logs and docs. */
    public Map<Board, Long> countByBoard() {
        Map<Board, Long> out = new java.util.EnumMap<>(Board.class);
        bySymbol.values().forEach(s -> out.merge(s.board(), 1L, Long::sum));
        return out;
    }

    /** Where it came from: the CSV's comment lines. */
    public String provenance() {
        return provenance;
    }

    /** Reads a master CSV file (UTF-8). */
    public static SecuritiesMaster load(java.nio.file.Path file) {
        try (var reader = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return MasterCsv.read(reader, file.toString());
        } catch (java.io.IOException e) {
            throw new MarketDataException(MarketDataException.Reason.NO_DATA, "Cannot read " + file, e);
        }
    }
}
