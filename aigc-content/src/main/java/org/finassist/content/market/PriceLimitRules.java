package org.finassist.content.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Daily price-limit (涨跌停) rules. Limit price = previous close × (1 ± ratio), rounded half-up to 0.01 CNY.
 * Main board ±10% (ST ±5% until 2025-07-04, ±10% from {@link #MAIN_ST_TEN_PERCENT_FROM}), ChiNext and STAR ±20% (ChiNext ±10% before its 2020-08-24 reform, ST there stays
 * ±20%), BSE ±30%; no limit for the first {@code growthNoLimitDays} trading days of ChiNext/STAR listings and
 * the first {@code bseNoLimitDays} of BSE listings; no limits at all before {@code limitsFrom} (1996-12-16).
 * Not modelled: main-board IPO-day caps and the ex-rights reference price (the previous close stands in for it).
 */
public record PriceLimitRules(BigDecimal mainRatio, BigDecimal stRatio, BigDecimal growthRatio, BigDecimal bseRatio,
                              int growthNoLimitDays, int bseNoLimitDays, LocalDate limitsFrom,
                              LocalDate chinextReformDate) {

    public static final PriceLimitRules DEFAULT = new PriceLimitRules(new BigDecimal("0.10"), new BigDecimal("0.05"),
            new BigDecimal("0.20"), new BigDecimal("0.30"), 5, 1, LocalDate.of(1996, 12, 16), LocalDate.of(2020, 8, 24));

    /** First trading day on which main-board risk-warning (ST, *ST) stocks move ±10% like the rest of the board. */
    public static final LocalDate MAIN_ST_TEN_PERCENT_FROM = LocalDate.of(2025, 7, 7);

    /** Default rules with another ST ratio (configurable per the brokerage's reading of exchange rules). */
    public PriceLimitRules withStRatio(BigDecimal ratio) {
        return new PriceLimitRules(mainRatio, ratio, growthRatio, bseRatio, growthNoLimitDays, bseNoLimitDays,
                limitsFrom, chinextReformDate);
    }

    /**
     * The limit ratio on {@code date}, empty when the day has no limit.
     *
     * @param dayOfListing 0 for the first trading day after listing
     */
    public Optional<BigDecimal> ratio(SecurityInfo security, LocalDate date, int dayOfListing) {
        if (date.isBefore(limitsFrom)) {
            return Optional.empty();
        }
        return switch (security.board()) {
            case INDEX -> Optional.empty();
            case MAIN -> Optional.of(security.st() && date.isBefore(MAIN_ST_TEN_PERCENT_FROM) ? stRatio : mainRatio);
            case STAR -> dayOfListing < growthNoLimitDays ? Optional.empty() : Optional.of(growthRatio);
            case CHINEXT -> date.isBefore(chinextReformDate)
                    ? Optional.of(security.st() ? stRatio : mainRatio)
                    : dayOfListing < growthNoLimitDays ? Optional.empty() : Optional.of(growthRatio);
            case BSE -> dayOfListing < bseNoLimitDays ? Optional.empty() : Optional.of(bseRatio);
        };
    }

    /** The limit prices for a day with the given previous close, empty when the day has no limit. */
    public Optional<PriceLimit> limit(SecurityInfo security, LocalDate date, int dayOfListing, double previousClose) {
        if (Double.isNaN(previousClose) || previousClose <= 0) {
            return Optional.empty();
        }
        return ratio(security, date, dayOfListing).map(r -> limit(previousClose, r));
    }

    public static PriceLimit limit(double previousClose, BigDecimal ratio) {
        BigDecimal prev = PriceLimit.cents(previousClose);
        BigDecimal up = prev.multiply(BigDecimal.ONE.add(ratio)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal down = prev.multiply(BigDecimal.ONE.subtract(ratio)).setScale(2, RoundingMode.HALF_UP);
        return new PriceLimit(up, down, ratio);
    }

    /** Day of listing of bar {@code i} of a series: counted from the list date when known, else from bar 0. */
    public static int dayOfListing(BarSeries series, int i) {
        LocalDate listDate = series.security().listDate();
        return listDate != null && listDate.isBefore(series.date(0)) ? Integer.MAX_VALUE : i;
    }
}
