package org.finassist.content.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Builds the synthetic calendar, market factor, stock listings and indices from one seed. */
final class SyntheticUniverse {

    /** One synthetic stock and the parameters of its price path. */
    record Listing(SecurityInfo security, long seed, int firstDay, int endDay, int suspendFrom, int suspendTo,
                   double beta, double startPrice, double baseTurnover) {
    }

    private static final Board[] BOARDS = {Board.MAIN, Board.MAIN, Board.CHINEXT, Board.STAR, Board.BSE};
    private static final double[] BOARD_WEIGHTS = {0.38, 0.27, 0.20, 0.11, 0.04};
    private static final String[] FIRST_CODES = {"600000", "000001", "300001", "688001", "830001"};

    private SyntheticUniverse() {
    }

    static List<LocalDate> calendar(LocalDate end, int days) {
        List<LocalDate> out = new ArrayList<>(days);
        LocalDate d = end;
        while (out.size() < days) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
            d = d.minusDays(1);
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    /** Daily market-factor returns: mild drift, fat tails through occasional shocks. */
    static double[] marketReturns(long seed, int days) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
        double[] r = new double[days];
        for (int t = 0; t < days; t++) {
            double shock = rnd.nextDouble() < 0.03 ? 3.0 : 1.0;
            r[t] = 0.0002 + 0.011 * shock * gaussian(rnd);
        }
        return r;
    }

    static Map<Symbol, Listing> listings(SyntheticMarket.Config config, List<LocalDate> calendar) {
        return listings(config, calendar, List.of());
    }

    /**
     * The stocks: {@code named} real securities (codes, names, boards, ST flags and list dates as given; only their
     * prices are simulated) when not empty, else {@code config.stocks()} made-up ones.
     */
    static Map<Symbol, Listing> listings(SyntheticMarket.Config config, List<LocalDate> calendar,
                                         List<SecurityInfo> named) {
        SplittableRandom rnd = new SplittableRandom(config.seed());
        Map<Symbol, Listing> out = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        int n = calendar.size();
        int[] codeCounters = new int[FIRST_CODES.length];
        int count = named.isEmpty() ? config.stocks() : named.size();
        for (int k = 0; k < count; k++) {
            SecurityInfo real = named.isEmpty() ? null : named.get(k);
            int b = pick(rnd, BOARD_WEIGHTS);
            Symbol symbol = real != null ? real.symbol() : Symbol.parse(nextCode(b, codeCounters));
            boolean st = real != null ? real.st() : BOARDS[b] == Board.MAIN && rnd.nextDouble() < config.stShare() / 0.65;
            String name = real != null ? real.name() : SyntheticNames.next(rnd, names, st);
            boolean newListing = real == null && rnd.nextDouble() < config.newListingShare();
            int firstDay = newListing ? n - 3 - rnd.nextInt(118) : 0;
            LocalDate listDate = real != null ? real.listDate() : newListing ? calendar.get(firstDay)
                    : calendar.getFirst().minusDays(365L + rnd.nextInt(365 * 20));
            if (real != null && listDate != null && listDate.isAfter(calendar.getFirst())) {
                firstDay = firstOnOrAfter(calendar, listDate); // a real recent listing starts trading on its date
            }
            int endDay = rnd.nextDouble() < config.suspendedShare() ? n - 1 - rnd.nextInt(20) : n;
            int suspendFrom = -1;
            int suspendTo = -1;
            if (!newListing && rnd.nextDouble() < 0.15) {
                suspendFrom = 1 + rnd.nextInt(Math.max(1, n - 40));
                suspendTo = suspendFrom + 1 + rnd.nextInt(30);
            }
            long floatShares = Math.round(Math.exp(Math.log(5e8) + 1.0 * gaussian(rnd)) / 100) * 100 + 10_000_000;
            SecurityInfo info = real != null
                    ? new SecurityInfo(symbol, name, real.board(), st, listDate, floatShares, real.stPeriods())
                    : new SecurityInfo(symbol, name, BOARDS[b], st, listDate, floatShares);
            double startPrice = Math.max(2.0, Math.exp(Math.log(15) + 0.7 * gaussian(rnd)));
            out.put(symbol, new Listing(info, rnd.nextLong(), firstDay, Math.max(endDay, firstDay + 1), suspendFrom,
                    suspendTo, 0.6 + 0.8 * rnd.nextDouble(), startPrice, 0.004 + 0.025 * rnd.nextDouble()));
        }
        return out;
    }

    private static int firstOnOrAfter(List<LocalDate> calendar, LocalDate date) {
        int i = 0;
        while (i < calendar.size() - 2 && calendar.get(i).isBefore(date)) {
            i++;
        }
        return i;
    }

    private static String nextCode(int board, int[] counters) {
        int code = Integer.parseInt(FIRST_CODES[board]) + counters[board]++;
        return String.format("%06d", code);
    }

    static List<BarSeries> indices(List<LocalDate> calendar, double[] market, long seed) {
        record Spec(String symbol, double level, double beta) {
        }
        List<Spec> specs = List.of(new Spec("000001.SH", 3000, 1.0), new Spec("399001.SZ", 9500, 1.1),
                new Spec("399006.SZ", 1900, 1.3), new Spec("000300.SH", 3500, 1.0), new Spec("000688.SH", 850, 1.4),
                new Spec("899050.BJ", 900, 1.5));
        List<BarSeries> out = new ArrayList<>();
        for (Spec spec : specs) {
            SplittableRandom rnd = new SplittableRandom(seed ^ spec.symbol().hashCode());
            Symbol symbol = Symbol.parse(spec.symbol());
            SecurityInfo info = new SecurityInfo(symbol, IndexNames.nameOr(symbol, null), Board.INDEX, false, null, null);
            List<Bar> bars = new ArrayList<>(calendar.size());
            double prev = spec.level();
            for (int t = 0; t < calendar.size(); t++) {
                double close = round2(prev * (1 + spec.beta() * market[t] + 0.002 * gaussian(rnd)));
                double open = round2(prev * (1 + 0.003 * gaussian(rnd)));
                double high = round2(Math.max(open, close) * (1 + Math.abs(0.004 * gaussian(rnd))));
                double low = round2(Math.min(open, close) * (1 - Math.abs(0.004 * gaussian(rnd))));
                double volume = Math.round(2e10 * (1 + 10 * Math.abs(market[t])) * (0.8 + 0.4 * rnd.nextDouble()));
                bars.add(new Bar(calendar.get(t), prev, open, high, low, close, volume, volume * 8.5));
                prev = close;
            }
            out.add(new BarSeries(info, bars));
        }
        return out;
    }

    static int pick(SplittableRandom rnd, double[] weights) {
        double u = rnd.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), 1e-12);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
