package org.finassist.content.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What is known about a listed security besides its bars.
 *
 * @param name        display name, e.g. 浦发银行 (the code when unknown)
 * @param st          under special treatment (ST / *ST) now: a narrower price limit on the main board until
 *                    2025-07-07 (see {@link PriceLimitRules})
 * @param listDate    first trading day, or {@code null} when unknown (then the first bar counts as listing)
 * @param floatShares tradable shares for turnover, or {@code null} when unknown
 * @param stPeriods   when it was under special treatment; empty = only {@code st} is known, for every date
 */
public record SecurityInfo(Symbol symbol, String name, Board board, boolean st, LocalDate listDate, Long floatShares,
                           List<StPeriod> stPeriods) {

    public SecurityInfo {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(board, "board");
        name = name == null || name.isBlank() ? symbol.toString() : name.replaceAll("\\s+", "");
        stPeriods = stPeriods == null ? List.of() : List.copyOf(stPeriods);
    }

    /** Without ST history: {@code st} holds for every date. */
    public SecurityInfo(Symbol symbol, String name, Board board, boolean st, LocalDate listDate, Long floatShares) {
        this(symbol, name, board, st, listDate, floatShares, List.of());
    }

    /** Whether the stock was under special treatment on {@code date} (its history when known, else {@code st}). */
    public boolean stOn(LocalDate date) {
        return stPeriods.isEmpty() ? st : stPeriods.stream().anyMatch(p -> p.covers(date));
    }

    /** A security whose board comes from its code and whose ST flag comes from its name. */
    public static SecurityInfo of(Symbol symbol, String name) {
        return new SecurityInfo(symbol, name, symbol.board(), isStName(name), null, null);
    }

    /** ST / *ST / SST names, the convention exchanges use. */
    public static boolean isStName(String name) {
        return name != null && name.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT).matches("^\\*?S?ST.*");
    }

    public boolean isIndex() {
        return board == Board.INDEX;
    }
}
