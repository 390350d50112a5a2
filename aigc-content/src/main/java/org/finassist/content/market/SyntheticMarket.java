package org.finassist.content.market;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A seeded synthetic A-share market: thousands of stocks across the main board, ChiNext, STAR and BSE with
 * board-correct price limits (closes clamp at the limit price, so limit-up days exist), ST names, suspensions,
 * new listings with their no-limit first days and switching volatility/volume regimes; plus the main indices.
 * Prices are never real. Names are made up, unless real securities are given ({@link #SyntheticMarket(Config,
 * PriceLimitRules, List)}): then those codes carry their real names with simulated prices, and no made-up name
 * ever sits on a real code. The same seed gives the same market; bars are generated on each request (cheap, and
 * 5,000 symbols of history would otherwise pin hundreds of MB).
 */
public final class SyntheticMarket implements MarketDataSource {

    /**
     * @param seed            random seed; the same seed gives the same market
     * @param stocks          number of stocks (indices come on top)
     * @param tradingDays     length of the calendar (weekdays up to {@code endDate})
     * @param endDate         the latest trading day
     * @param stShare         share of main-board stocks under special treatment
     * @param suspendedShare  share of stocks suspended at the end date
     * @param newListingShare share of stocks listed within the last 120 trading days
     */
    public record Config(long seed, int stocks, int tradingDays, LocalDate endDate, double stShare,
                         double suspendedShare, double newListingShare) {

        public Config {
            if (stocks < 1 || stocks > 20_000) {
                throw new IllegalArgumentException("stocks must be 1..20000: " + stocks);
            }
            if (tradingDays < 2) {
                throw new IllegalArgumentException("tradingDays must be at least 2: " + tradingDays);
            }
        }

        public static Config of(long seed, int stocks) {
            return new Config(seed, stocks, 400, LocalDate.of(2024, 9, 19), 0.03, 0.01, 0.03);
        }
    }

    private final Config config;
    private final PriceLimitRules rules;
    private final List<LocalDate> calendar;
    private final double[] marketReturns;
    private final Map<Symbol, SyntheticUniverse.Listing> listings;
    private final Map<Symbol, BarSeries> indices = new LinkedHashMap<>();

    public SyntheticMarket(Config config) {
        this(config, PriceLimitRules.DEFAULT);
    }

    public SyntheticMarket(Config config, PriceLimitRules rules) {
        this(config, rules, List.of());
    }

    /**
     * A market of {@code named} real securities (stocks only; {@code config.stocks()} is then ignored) with
     * simulated prices.
     */
    public SyntheticMarket(Config config, PriceLimitRules rules, List<SecurityInfo> named) {
        this.config = config;
        this.rules = rules;
        this.calendar = SyntheticUniverse.calendar(config.endDate(), config.tradingDays());
        this.marketReturns = SyntheticUniverse.marketReturns(config.seed(), calendar.size());
        this.listings = SyntheticUniverse.listings(config, calendar,
                named.stream().filter(s -> !s.isIndex()).toList());
        SyntheticUniverse.indices(calendar, marketReturns, config.seed())
                .forEach(s -> indices.put(s.security().symbol(), s));
    }

    public Config config() {
        return config;
    }

    @Override
    public List<SecurityInfo> securities() {
        return java.util.stream.Stream.concat(listings.values().stream().map(SyntheticUniverse.Listing::security),
                indices.values().stream().map(BarSeries::security)).toList();
    }

    /** The stocks only, without indices. */
    public List<SecurityInfo> stocks() {
        return listings.values().stream().map(SyntheticUniverse.Listing::security).toList();
    }

    @Override
    public Optional<SecurityInfo> security(Symbol symbol) {
        SyntheticUniverse.Listing listing = listings.get(symbol);
        if (listing != null) {
            return Optional.of(listing.security());
        }
        return Optional.ofNullable(indices.get(symbol)).map(BarSeries::security);
    }

    @Override
    public BarSeries dailyBars(Symbol symbol) {
        BarSeries index = indices.get(symbol);
        if (index != null) {
            return index;
        }
        SyntheticUniverse.Listing listing = listings.get(symbol);
        if (listing == null) {
            throw new MarketDataException(MarketDataException.Reason.UNKNOWN_SYMBOL,
                    "Symbol " + symbol + " is not in the synthetic universe");
        }
        return new BarSeries(listing.security(), new SyntheticPricePath(listing, calendar, marketReturns, rules).bars());
    }

    @Override
    public LocalDate latestTradingDate() {
        return calendar.getLast();
    }
}
