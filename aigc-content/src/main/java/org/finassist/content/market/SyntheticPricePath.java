package org.finassist.content.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates one synthetic stock's daily bars: market beta plus idiosyncratic noise whose volatility and volume
 * switch between calm, normal and hot regimes; closes clamp to the board's limit prices; suspended days have no bar.
 */
final class SyntheticPricePath {

    private static final double[] REGIME_VOL = {0.011, 0.019, 0.034};
    private static final double[] REGIME_VOLUME = {0.6, 1.0, 2.2};

    private final SyntheticUniverse.Listing listing;
    private final List<LocalDate> calendar;
    private final double[] market;
    private final PriceLimitRules rules;

    SyntheticPricePath(SyntheticUniverse.Listing listing, List<LocalDate> calendar, double[] market,
                       PriceLimitRules rules) {
        this.listing = listing;
        this.calendar = calendar;
        this.market = market;
        this.rules = rules;
    }

    List<Bar> bars() {
        SplittableRandom rnd = new SplittableRandom(listing.seed());
        SecurityInfo sec = listing.security();
        double boardVol = switch (sec.board()) {
            case CHINEXT, STAR -> 1.3;
            case BSE -> 1.5;
            default -> 1.0;
        };
        double drift = 0.0006 * SyntheticUniverse.gaussian(rnd);
        double baseVolume = sec.floatShares() * listing.baseTurnover();
        List<Bar> bars = new ArrayList<>(listing.endDay() - listing.firstDay());
        int regime = 1;
        double prev = SyntheticUniverse.round2(listing.startPrice());
        for (int t = listing.firstDay(); t < listing.endDay(); t++) {
            regime = nextRegime(rnd, regime);
            if (t >= listing.suspendFrom() && t < listing.suspendTo()) {
                continue;
            }
            int dayOfListing = listing.firstDay() > 0 ? bars.size() : Integer.MAX_VALUE;
            Optional<PriceLimit> limit = rules.limit(sec, calendar.get(t), dayOfListing, prev);
            double vol = REGIME_VOL[regime] * boardVol * (limit.isEmpty() ? 3 : 1);
            double ret = listing.beta() * market[t] + drift + vol * SyntheticUniverse.gaussian(rnd);
            if (limit.isEmpty() && dayOfListing == 0) {
                ret = 0.2 + rnd.nextDouble();
            } else if (regime == 2 && rnd.nextDouble() < 0.04) {
                ret = rnd.nextDouble() < 0.7 ? 0.35 : -0.35; // a limit move: the clamp lands it on the limit price
            }
            Bar bar = bar(rnd, calendar.get(t), prev, ret, vol, limit, baseVolume * REGIME_VOLUME[regime]);
            bars.add(bar);
            prev = bar.close();
        }
        return bars;
    }

    private static int nextRegime(SplittableRandom rnd, int regime) {
        if (rnd.nextDouble() >= 0.04) {
            return regime;
        }
        return SyntheticUniverse.pick(rnd, new double[] {0.35, 0.45, 0.20});
    }

    private static Bar bar(SplittableRandom rnd, LocalDate date, double prev, double ret, double vol,
                           Optional<PriceLimit> limit, double volumeBase) {
        double close = clamp(SyntheticUniverse.round2(prev * (1 + ret)), limit);
        double open = clamp(SyntheticUniverse.round2(prev * (1 + 0.35 * vol * SyntheticUniverse.gaussian(rnd))), limit);
        double high = clamp(SyntheticUniverse.round2(Math.max(open, close)
                * (1 + Math.abs(0.4 * vol * SyntheticUniverse.gaussian(rnd)))), limit);
        double low = clamp(SyntheticUniverse.round2(Math.min(open, close)
                * (1 - Math.abs(0.4 * vol * SyntheticUniverse.gaussian(rnd)))), limit);
        double noise = Math.exp(0.3 * SyntheticUniverse.gaussian(rnd));
        double volume = Math.max(100, Math.round(volumeBase * (1 + 8 * Math.abs(close / prev - 1)) * noise / 100) * 100.0);
        double amount = Math.round(volume * (open + high + low + close) / 4);
        return new Bar(date, prev, open, Math.max(high, Math.max(open, close)), Math.min(low, Math.min(open, close)),
                close, volume, amount);
    }

    private static double clamp(double price, Optional<PriceLimit> limit) {
        double floor = Math.max(0.01, price);
        if (limit.isEmpty()) {
            return floor;
        }
        BigDecimal p = BigDecimal.valueOf(floor);
        if (p.compareTo(limit.get().up()) > 0) {
            return limit.get().up().doubleValue();
        }
        return p.compareTo(limit.get().down()) < 0 ? limit.get().down().doubleValue() : floor;
    }
}
