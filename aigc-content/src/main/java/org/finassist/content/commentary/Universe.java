package org.finassist.content.commentary;

import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.SecurityNames;
import org.finassist.content.market.Symbol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stocks a run covers.
 *
 * @param source  {@code constituents} (the list's stocks the market data knows), or {@code synthetic} (the first N
 *                stocks of the market data, N = the list's size, when the data knows none of the listed stocks)
 * @param missing listed stocks the market data does not know (left out)
 */
public record Universe(String name, List<Symbol> symbols, String source, int missing) {

    public Universe {
        symbols = List.copyOf(symbols);
    }

    private static final Map<String, Integer> DEFAULT_SIZES = Map.of("csi300", 300, "csi500", 500, "csi1000", 1000);

    /**
     * Resolves {@code name} ({@code csi300}, {@code csi500}, …, or {@code all}) from {@code <dir>/<name>.csv} when
     * present, else from the market data's own stocks.
     */
    public static Universe resolve(String name, Path constituentsDir, MarketDataSource market) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!n.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("A universe name is a constituent list such as csi300, or 'all': " + name);
        }
        List<Symbol> stocks = market.securities().stream().filter(s -> !s.isIndex()).map(SecurityInfo::symbol).toList();
        if (n.equals("all")) {
            return new Universe(n, stocks, "market", 0);
        }
        Path file = constituentsDir == null ? null : constituentsDir.resolve(n + ".csv");
        List<Symbol> listed = file != null && Files.isRegularFile(file) ? List.copyOf(SecurityNames.read(file).keySet())
                : List.of();
        List<Symbol> known = listed.stream().filter(s -> market.security(s).isPresent()).toList();
        if (!known.isEmpty()) {
            return new Universe(n, known, "constituents", listed.size() - known.size());
        }
        int size = !listed.isEmpty() ? listed.size() : DEFAULT_SIZES.getOrDefault(n, -1);
        if (size < 0) {
            throw new IllegalArgumentException("Unknown universe '" + name + "': no " + n + ".csv in " + constituentsDir
                    + " and not one of " + DEFAULT_SIZES.keySet() + " or all");
        }
        return new Universe(n, stocks.subList(0, Math.min(size, stocks.size())), "synthetic", 0);
    }
}
