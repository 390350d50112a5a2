package org.finassist.server.commentary;

import org.finassist.content.anomaly.AnomalyRules;
import org.finassist.content.anomaly.AnomalyScanner;
import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.chat.Grounding;
import org.finassist.core.classify.Classification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grounds market questions in the chat ("今天大盘怎么样", "哪些板块涨得好"): the latest trading day's index quotes from
 * the market data (the scan's own figures), strongest first, with their data date, and the latest written market
 * overview article when there is one. The date is always stated: "today" is the latest day the data has.
 */
final class MarketGroundingSource implements GroundingSource {

    private static final int EXCERPT = 240;

    private final MarketDataSource market;
    private final AnomalyScanner scanner;
    private final JdbcArticleStore articles;

    MarketGroundingSource(MarketDataSource market, JdbcArticleStore articles) {
        this.market = market;
        this.scanner = new AnomalyScanner(market, AnomalyRules.DEFAULT);
        this.articles = articles;
    }

    @Override
    public Grounding ground(String question, Classification classification, List<String> knowledgeBases) {
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            LocalDate date = market.latestTradingDate();
            List<IndexQuote> quotes = scanner.indexQuotes(date).stream()
                    .sorted(Comparator.comparing((IndexQuote q) -> q.get("change1d").value()).reversed()).toList();
            if (!quotes.isEmpty()) {
                facts.put("数据日期", date + "（最新交易日）");
                for (IndexQuote q : quotes) {
                    facts.put(q.index().name(), "收盘" + q.get("close").display() + "，涨跌幅" + q.get("change1d").display()
                            + "，成交额" + q.get("amount").display());
                }
            }
        } catch (MarketDataException e) {
            // no market data: the overview article (if any) still answers, otherwise the local model declines
        }
        overview().ifPresent(o -> facts.put("最新市场复盘（" + o.date() + "）", o.excerpt()));
        return new Grounding(List.of(), facts, null);
    }

    private record Overview(LocalDate date, String excerpt) {
    }

    private Optional<Overview> overview() {
        return articles.latestMarketOverview().map(a -> new Overview(a.date(), excerpt(a.markdown())));
    }

    /** The article's prose without headings, labels and the disclaimer block, cut at a sentence near the limit. */
    static String excerpt(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(">") || l.startsWith("|") || l.startsWith("---")) {
                continue;
            }
            out.append(l);
            if (out.length() >= EXCERPT) {
                break;
            }
        }
        String s = out.toString();
        if (s.length() <= EXCERPT) {
            return s;
        }
        int cut = s.lastIndexOf('。', EXCERPT);
        return cut > 40 ? s.substring(0, cut + 1) : s.substring(0, EXCERPT) + "…";
    }
}
