package org.finassist.content.bench;

import org.finassist.content.diagnosis.DiagnosisException;
import org.finassist.content.diagnosis.DiagnosisReport;
import org.finassist.content.diagnosis.DiagnosisService;
import org.finassist.content.indicator.Indicators;
import org.finassist.content.indicator.StdDev;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.SyntheticMarket;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Throughput of the diagnosis pipeline over a synthetic universe (run by bench/diagnosis.sh, not by the tests):
 * bar generation, indicators alone, facts alone, and full diagnoses with the local template narrative (facts +
 * scores + narrative + guardrail checks + disclosure check), single-threaded and on all cores.
 * Args: [stocks=5000] [rounds=3] [threads=availableProcessors].
 */
public final class DiagnosisBenchmark {

    private DiagnosisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stocks = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        SyntheticMarket generated = new SyntheticMarket(SyntheticMarket.Config.of(42, stocks));
        // bars generated once and held, as a file-backed source caches them: the timings below are the pipeline's
        MarketDataSource market = new Preloaded(generated);
        DiagnosisService service = DiagnosisService.builder().marketData(market).build();
        List<SecurityInfo> universe = generated.stocks();
        System.out.printf("universe: %d stocks x %d trading days, %d threads, JDK %s, %d cores%n", universe.size(),
                generated.config().tradingDays(), threads, Runtime.version(), Runtime.getRuntime().availableProcessors());

        List<BarSeries> bars = universe.stream().map(s -> market.dailyBars(s.symbol())).toList();
        AtomicInteger refused = new AtomicInteger();
        Consumer<SecurityInfo> facts = s -> guarded(() -> service.facts(s.symbol().toString()), refused);
        Consumer<SecurityInfo> full = s -> guarded(() -> check(service.diagnose(s.symbol().toString())), refused);

        for (int r = 0; r < rounds; r++) {
            boolean report = r == rounds - 1;
            String tag = report ? "" : " (warm-up)";
            time("synthetic bar generation" + tag, universe.size(), 1, universe, s -> generated.dailyBars(s.symbol()), report);
            time("indicators only" + tag, bars.size(), 1, bars, DiagnosisBenchmark::indicators, report);
            refused.set(0);
            time("facts only, 1 thread" + tag, universe.size(), 1, universe, facts, report);
            time("facts only, " + threads + " threads" + tag, universe.size(), threads, universe, facts, report);
            time("full diagnosis (local), 1 thread" + tag, universe.size(), 1, universe, full, report);
            time("full diagnosis (local), " + threads + " threads" + tag, universe.size(), threads, universe, full, report);
            if (report) {
                System.out.printf("refused per pass (suspended / short history): %d of %d%n", refused.get() / 4, universe.size());
            }
        }
    }

    /** The synthetic market with every series generated up front. */
    private static final class Preloaded implements MarketDataSource {
        private final SyntheticMarket market;
        private final Map<Symbol, BarSeries> bars = new HashMap<>();

        Preloaded(SyntheticMarket market) {
            this.market = market;
            market.securities().forEach(s -> bars.put(s.symbol(), market.dailyBars(s.symbol())));
        }

        @Override
        public List<SecurityInfo> securities() {
            return market.securities();
        }

        @Override
        public Optional<SecurityInfo> security(Symbol symbol) {
            return market.security(symbol);
        }

        @Override
        public BarSeries dailyBars(Symbol symbol) {
            return bars.get(symbol);
        }

        @Override
        public LocalDate latestTradingDate() {
            return market.latestTradingDate();
        }
    }

    private static void indicators(BarSeries s) {
        double[] c = s.close();
        for (int n : new int[] {5, 10, 20, 60}) {
            Indicators.ma(c, n);
        }
        Indicators.macd(c, 12, 26, 9);
        Indicators.kdj(c, s.high(), s.low(), 9, 3, 3);
        for (int n : new int[] {6, 12, 24}) {
            Indicators.rsi(c, n);
        }
        Indicators.boll(c, 20, 2, StdDev.POPULATION);
        Indicators.atr(s.high(), s.low(), c, 14);
        if (c.length > 61) {
            Indicators.volatility(c, 20);
            Indicators.volatility(c, 60);
        }
    }

    private static void check(DiagnosisReport r) {
        if (!r.disclosure().passed() || !r.narrative().attempts().getLast().accepted()) {
            throw new IllegalStateException("unchecked output for " + r.facts().security().symbol());
        }
    }

    private static void guarded(Runnable task, AtomicInteger refused) {
        try {
            task.run();
        } catch (DiagnosisException e) {
            refused.incrementAndGet();
        }
    }

    private static <T> void time(String label, int count, int threads, List<T> items, Consumer<T> task, boolean report)
            throws Exception {
        long start = System.nanoTime();
        if (threads <= 1) {
            items.forEach(task);
        } else {
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                int chunk = (items.size() + threads - 1) / threads;
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<T> part = items.subList(Math.min(items.size(), t * chunk), Math.min(items.size(), (t + 1) * chunk));
                    futures.add(pool.submit(() -> part.forEach(task)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf("%-42s %7d in %7.3f s = %9.1f /s%n", label, count, seconds, count / seconds);
        }
    }
}
