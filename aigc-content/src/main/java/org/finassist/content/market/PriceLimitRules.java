package org.finassist.content.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Daily price-limit (涨跌停) rules, dated. Limit price = previous close × (1 ± ratio), rounded half-up to 0.01 CNY;
 * the previous close is the last traded close, so a stock resuming after a suspension is limited from the close
 * before it stopped.
 * <ul>
 *   <li>Main board ±10%; ST/*ST ±{@code stRatio} (5%) on days before {@code stAlignedFrom} and ±10% from it (the
 *       exchanges aligned risk-warning stocks with the rest of the main board; {@code stAlignedSource} names the
 *       notice). New listings from {@code mainRegistrationFrom} (2023-04-10, the registration system): no limit for
 *       the first {@code ipoNoLimitDays} (5) trading days; earlier listings: the first day capped at +44% / −36% of
 *       the issue price (listings from 2014; before, the first day had no limit).</li>
 *   <li>ChiNext: before {@code chinextReformDate} (2020-08-24) as the main board (first day +44% / −36%); from it
 *       ±20% for every stock, ST too, and no limit for the first 5 days of stocks listed from that date.</li>
 *   <li>STAR ±20%, no limit for the first 5 days, from its first listings. BSE ±30%, no limit on the first
 *       {@code bseNoLimitDays} (1).</li>
 *   <li>No limits at all before {@code limitsFrom} (1996-12-16).</li>
 * </ul>
 * The listing regime is decided by {@link SecurityInfo#listDate()}; when unknown, the day asked stands in for it.
 * Not modelled: the ex-rights reference price (the previous close stands in), relisting days (恢复上市/重新上市).
 */
public record PriceLimitRules(BigDecimal mainRatio, BigDecimal stRatio, LocalDate stAlignedFrom,
                              String stAlignedSource, BigDecimal growthRatio, BigDecimal bseRatio,
                              int ipoNoLimitDays, int bseNoLimitDays, LocalDate limitsFrom,
                              LocalDate chinextReformDate, LocalDate mainRegistrationFrom) {

    /**
     * First-day cap of listings before the registration system: +44% / −36% of the issue price, for listings from
     * {@link #IPO_CAP_FROM} (the exchanges' 2014 rule); earlier first days had no limit.
     */
    static final LocalDate IPO_CAP_FROM = LocalDate.of(2014, 1, 1);
    static final BigDecimal IPO_UP = new BigDecimal("0.44");
    static final BigDecimal IPO_DOWN = new BigDecimal("0.36");

    /** The date main-board ST stocks moved to ±10%, and where it comes from (kept in configuration too). */
    public static final LocalDate ST_ALIGNED_FROM = LocalDate.of(2025, 7, 7);
    public static final String ST_ALIGNED_SOURCE = "SSE/SZSE 关于调整主板风险警示股票价格涨跌幅限制比例及有关事项的通知 "
            + "(draft for comment 2025-06-27; effective 2025-07-07)";

    public static final PriceLimitRules DEFAULT = new PriceLimitRules(new BigDecimal("0.10"), new BigDecimal("0.05"),
            ST_ALIGNED_FROM, ST_ALIGNED_SOURCE, new BigDecimal("0.20"), new BigDecimal("0.30"), 5, 1,
            LocalDate.of(1996, 12, 16), LocalDate.of(2020, 8, 24), LocalDate.of(2023, 4, 10));

    public PriceLimitRules {
        Objects.requireNonNull(stAlignedFrom, "stAlignedFrom");
        stAlignedSource = stAlignedSource == null ? "" : stAlignedSource;
    }

    /** Default rules with another pre-alignment ST ratio (configurable per the brokerage's reading of the rules). */
    public PriceLimitRules withStRatio(BigDecimal ratio) {
        return new PriceLimitRules(mainRatio, ratio, stAlignedFrom, stAlignedSource, growthRatio, bseRatio,
                ipoNoLimitDays, bseNoLimitDays, limitsFrom, chinextReformDate, mainRegistrationFrom);
    }

    /** These rules with main-board ST stocks at the main ratio from {@code from} on, citing {@code source}. */
    public PriceLimitRules withStAlignedFrom(LocalDate from, String source) {
        return new PriceLimitRules(mainRatio, stRatio, from, source, growthRatio, bseRatio, ipoNoLimitDays,
                bseNoLimitDays, limitsFrom, chinextReformDate, mainRegistrationFrom);
    }

    /**
     * The limit ratio on {@code date}, empty when the day has no limit. A capped listing day answers its upper cap.
     *
     * @param dayOfListing 0 for the first trading day after listing
     */
    public Optional<BigDecimal> ratio(SecurityInfo security, LocalDate date, int dayOfListing) {
        return rule(security, date, dayOfListing).map(Rule::up);
    }

    /** The limit prices for a day with the given previous close, empty when the day has no limit. */
    public Optional<PriceLimit> limit(SecurityInfo security, LocalDate date, int dayOfListing, double previousClose) {
        if (Double.isNaN(previousClose) || previousClose <= 0) {
            return Optional.empty();
        }
        return rule(security, date, dayOfListing).map(r -> limit(previousClose, r.up(), r.down()));
    }

    /** Up and down ratios of one day; equal except on a capped listing day. */
    private record Rule(BigDecimal up, BigDecimal down) {
        static Rule of(BigDecimal ratio) {
            return new Rule(ratio, ratio);
        }
    }

    private Optional<Rule> rule(SecurityInfo s, LocalDate date, int dayOfListing) {
        if (date.isBefore(limitsFrom)) {
            return Optional.empty();
        }
        LocalDate listed = s.listDate() == null ? date : s.listDate();
        return switch (s.board()) {
            case INDEX -> Optional.empty();
            case MAIN -> listed.isBefore(mainRegistrationFrom)
                    ? oldListing(listed, dayOfListing, mainBoard(s, date))
                    : dayOfListing < ipoNoLimitDays ? Optional.empty() : Optional.of(mainBoard(s, date));
            case CHINEXT -> date.isBefore(chinextReformDate)
                    ? oldListing(listed, dayOfListing, mainBoard(s, date))
                    : !listed.isBefore(chinextReformDate) && dayOfListing < ipoNoLimitDays
                    ? Optional.empty() : Optional.of(Rule.of(growthRatio));
            case STAR -> dayOfListing < ipoNoLimitDays ? Optional.empty() : Optional.of(Rule.of(growthRatio));
            case BSE -> dayOfListing < bseNoLimitDays ? Optional.empty() : Optional.of(Rule.of(bseRatio));
        };
    }

    private Rule mainBoard(SecurityInfo s, LocalDate date) {
        return Rule.of(s.stOn(date) && date.isBefore(stAlignedFrom) ? stRatio : mainRatio);
    }

    private static Optional<Rule> oldListing(LocalDate listed, int dayOfListing, Rule normal) {
        if (dayOfListing != 0) {
            return Optional.of(normal);
        }
        return listed.isBefore(IPO_CAP_FROM) ? Optional.empty() : Optional.of(new Rule(IPO_UP, IPO_DOWN));
    }

    public static PriceLimit limit(double previousClose, BigDecimal ratio) {
        return limit(previousClose, ratio, ratio);
    }

    static PriceLimit limit(double previousClose, BigDecimal upRatio, BigDecimal downRatio) {
        BigDecimal prev = PriceLimit.cents(previousClose);
        BigDecimal up = prev.multiply(BigDecimal.ONE.add(upRatio)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal down = prev.multiply(BigDecimal.ONE.subtract(downRatio)).setScale(2, RoundingMode.HALF_UP);
        return new PriceLimit(up, down, upRatio);
    }

    /** Day of listing of bar {@code i} of a series: counted from the list date when known, else from bar 0. */
    public static int dayOfListing(BarSeries series, int i) {
        LocalDate listDate = series.security().listDate();
        return listDate != null && listDate.isBefore(series.date(0)) ? Integer.MAX_VALUE : i;
    }
}
