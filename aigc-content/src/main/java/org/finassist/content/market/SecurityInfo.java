package org.finassist.content.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What is known about a listed security besides its bars.
 *
 * @param name        display name, e.g. 浦发银行 (the code when unknown)
 * @param st          under special treatment (ST / *ST): a narrower price limit on the main board
 * @param listDate    first trading day, or {@code null} when unknown (then the first bar counts as listing)
 * @param floatShares tradable shares for turnover, or {@code null} when unknown
 */
public record SecurityInfo(Symbol symbol, String name, Board board, boolean st, LocalDate listDate, Long floatShares) {

    public SecurityInfo {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(board, "board");
        name = name == null || name.isBlank() ? symbol.toString() : name.replaceAll("\\s+", "");
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
