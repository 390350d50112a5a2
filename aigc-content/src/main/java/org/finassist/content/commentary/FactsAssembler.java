package org.finassist.content.commentary;

import org.finassist.content.anomaly.Anomaly;
import org.finassist.content.anomaly.AnomalyScanner;
import org.finassist.content.anomaly.Breadth;
import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.Symbol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Loads the facts of one article's subject for its date. */
final class FactsAssembler {

    private final MarketDataSource market;
    private final AnomalyScanner scanner;

    FactsAssembler(MarketDataSource market, AnomalyScanner scanner) {
        this.market = market;
        this.scanner = scanner;
    }

    SubjectFacts stock(Symbol symbol, LocalDate date) {
        BarSeries s = market.dailyBars(symbol);
        int i = s.indexOnOrBefore(date);
        if (i < 1 || !s.date(i).equals(date)) {
            throw new CommentaryException(symbol + " has no bar on " + date + " (suspended or not listed)");
        }
        List<Fact> day = new ArrayList<>();
        double pre = s.preClose(i);
        day.add(FactFormat.fact("close", "收盘价", s.close()[i], FactUnit.CNY, 2, date));
        day.add(FactFormat.fact("change1d", "当日涨跌幅", (s.close()[i] / pre - 1) * 100, FactUnit.PERCENT, 2, date));
        day.add(FactFormat.fact("open", "开盘价", s.open()[i], FactUnit.CNY, 2, date));
        day.add(FactFormat.fact("high", "最高价", s.high()[i], FactUnit.CNY, 2, date));
        day.add(FactFormat.fact("low", "最低价", s.low()[i], FactUnit.CNY, 2, date));
        day.add(FactFormat.fact("amplitude", "振幅", (s.high()[i] - s.low()[i]) / pre * 100, FactUnit.PERCENT, 2, date));
        day.add(FactFormat.large("volume", "成交量", s.volume()[i], FactUnit.SHARES, date));
        day.add(FactFormat.large("amount", "成交额", s.amount()[i], FactUnit.CNY, date));
        List<Anomaly> anomalies = scanner.detect(symbol, date);
        return new SubjectFacts(s.security(), date, day, anomalies, benchmark(symbol, date), null,
                scanner.rules().parameters());
    }

    SubjectFacts market(LocalDate date, Breadth breadth) {
        List<IndexQuote> quotes = scanner.indexQuotes(date);
        if (quotes.isEmpty()) {
            throw new CommentaryException("no index has a bar on " + date);
        }
        return new SubjectFacts(null, date, List.of(), scanner.indexMoves(quotes), quotes, breadth,
                scanner.rules().parameters());
    }

    /** The stock's own exchange's main index, for one sentence of context. */
    private List<IndexQuote> benchmark(Symbol symbol, LocalDate date) {
        String wanted = symbol.exchange() == org.finassist.content.market.Exchange.SZ ? "399001.SZ" : "000001.SH";
        return scanner.indexQuotes(date).stream().filter(q -> q.index().symbol().toString().equals(wanted)).toList();
    }
}
