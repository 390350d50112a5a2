package org.finassist.content.diagnosis;

import org.finassist.content.market.Bar;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/** A hand-built market for score tests: closes from a function of the day index, weekdays from 2024-01-01. */
final class InMemoryMarket implements MarketDataSource {

    private final Map<Symbol, BarSeries> series = new LinkedHashMap<>();

    InMemoryMarket add(String symbol, String name, int days, IntToDoubleFunction close) {
        return add(symbol, name, 0, days, close);
    }

    /** Bars for weekdays {@code from} (0 = 2024-01-01) to {@code days − 1}. */
    InMemoryMarket add(String symbol, String name, int from, int days, IntToDoubleFunction close) {
        Symbol s = Symbol.parse(symbol);
        SecurityInfo info = SecurityInfo.of(s, name);
        List<Bar> bars = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 1);
        double prev = close.applyAsDouble(0);
        for (int i = 0; i < days; i++) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            if (i < from) {
                d = d.plusDays(1);
                continue;
            }
            double c = Math.round(close.applyAsDouble(i) * 100) / 100.0;
            double v = 1_000_000 + 10_000 * (i % 7);
            bars.add(new Bar(d, prev, prev, Math.max(prev, c) + 0.05, Math.min(prev, c) - 0.05, c, v, v * c));
            prev = c;
            d = d.plusDays(1);
        }
        series.put(s, new BarSeries(info, bars));
        return this;
    }

    @Override
    public List<SecurityInfo> securities() {
        return series.values().stream().map(BarSeries::security).toList();
    }

    @Override
    public Optional<SecurityInfo> security(Symbol symbol) {
        return Optional.ofNullable(series.get(symbol)).map(BarSeries::security);
    }

    @Override
    public BarSeries dailyBars(Symbol symbol) {
        return series.get(symbol);
    }

    @Override
    public LocalDate latestTradingDate() {
        return series.values().stream().map(BarSeries::lastDate).max(LocalDate::compareTo).orElseThrow();
    }
}
