package org.finassist.content.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Marks configured symbols as ST (or not) regardless of their names, for sources whose names are missing or stale.
 */
public final class StOverrides implements MarketDataSource {

    private final MarketDataSource delegate;
    private final Set<Symbol> st;
    private final Set<Symbol> notSt;

    public StOverrides(MarketDataSource delegate, Set<Symbol> st, Set<Symbol> notSt) {
        this.delegate = delegate;
        this.st = Set.copyOf(st);
        this.notSt = Set.copyOf(notSt);
    }

    private SecurityInfo adjust(SecurityInfo s) {
        boolean flag = st.contains(s.symbol()) || (s.st() && !notSt.contains(s.symbol()));
        return flag == s.st() ? s : new SecurityInfo(s.symbol(), s.name(), s.board(), flag, s.listDate(), s.floatShares(), List.of());
    }

    @Override
    public List<SecurityInfo> securities() {
        return delegate.securities().stream().map(this::adjust).toList();
    }

    @Override
    public Optional<SecurityInfo> security(Symbol symbol) {
        return delegate.security(symbol).map(this::adjust);
    }

    @Override
    public BarSeries dailyBars(Symbol symbol) {
        BarSeries series = delegate.dailyBars(symbol);
        SecurityInfo adjusted = adjust(series.security());
        return adjusted == series.security() ? series : new BarSeries(adjusted, series.bars());
    }

    @Override
    public List<org.finassist.content.market.MinuteBar> minuteBars(Symbol symbol, LocalDate date) {
        return delegate.minuteBars(symbol, date);
    }

    @Override
    public LocalDate latestTradingDate() {
        return delegate.latestTradingDate();
    }
}
