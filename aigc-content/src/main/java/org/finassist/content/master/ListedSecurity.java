package org.finassist.content.master;

import org.finassist.content.market.Board;
import org.finassist.content.market.Exchange;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.StPeriod;
import org.finassist.content.market.Symbol;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of the securities master.
 *
 * @param name           the current short name as the exchange shows it (贵州茅台, *ST华源)
 * @param formerNames    earlier names, oldest first (empty when none or unknown)
 * @param pinyinInitials initials of the name without ST prefix (gzmt); several when a character has two readings
 *                       (浦发银行 → pfyh, pfyx), the usual reading first
 * @param listDate       first trading day, or {@code null} when unknown
 * @param stPeriods      when it was under special treatment (empty = never, as far as the source knows)
 * @param industry       industry label, or {@code null} when the source has none
 */
public record ListedSecurity(Symbol symbol, Board board, String name, List<String> formerNames,
                             List<String> pinyinInitials, LocalDate listDate, List<StPeriod> stPeriods,
                             String industry) {

    public ListedSecurity {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(board, "board");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A listed security needs a name: " + symbol);
        }
        name = name.replaceAll("\\s+", "");
        formerNames = List.copyOf(formerNames);
        pinyinInitials = pinyinInitials.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList();
        stPeriods = List.copyOf(stPeriods);
        industry = industry == null || industry.isBlank() ? null : industry.strip();
    }

    public Exchange exchange() {
        return symbol.exchange();
    }

    /** Under special treatment on {@code date}. */
    public boolean stOn(LocalDate date) {
        return stPeriods.stream().anyMatch(p -> p.covers(date));
    }

    /** What market-data sources carry: name, board, list date and ST history ({@code st} = ST on {@code asOf}). */
    public SecurityInfo info(LocalDate asOf, Long floatShares) {
        boolean st = asOf == null ? SecurityInfo.isStName(name) : stOn(asOf) || SecurityInfo.isStName(name);
        return new SecurityInfo(symbol, name, board, st, listDate, floatShares, stPeriods);
    }

    /** "贵州茅台（600519.SH）", how answers name a stock. */
    public String label() {
        return name + "（" + symbol + "）";
    }
}
