package org.finassist.server.commentary;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.anomaly.MarketScan;
import org.finassist.content.commentary.ArticleId;
import org.finassist.content.commentary.CommentaryService;
import org.finassist.content.commentary.Universe;
import org.finassist.content.facts.Fact;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.sector.SectorRanking;
import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.ListedSecurity;
import org.finassist.content.master.Resolution;
import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.chat.Grounding;
import org.finassist.core.classify.Classification;
import org.finassist.core.guardrail.Disclosure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Grounds the chat's commentary scenario ("今天大盘怎么样", "茅台复盘"): for a stock, its newest approved 盯盘 or
 * 复盘 article; for the market, the newest approved overview, else the latest scan of the universe with its data
 * date (breadth and index moves, computed once per trading day). Only approved articles are shown: review decides what
 * customers read. The answer is given word for word; a model's free text never replaces it.
 */
final class CommentaryGroundingSource implements GroundingSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STOCK_TYPES = List.of("recap", "alert", "video");
    static final List<String> MARKET_TYPES = List.of("market", "recap");
    private static final java.util.regex.Pattern ASKS_SECTORS = java.util.regex.Pattern.compile("板块|行业|赛道|题材|概念");

    private final JdbcArticleStore articles;
    private final CommentaryService service;
    private final MarketDataSource market;
    private final LiveMaster master;
    private final Path constituentsDir;
    private final Disclosure disclosure;
    private final String universe;
    private volatile Map.Entry<LocalDate, String> scanAnswer;
    private volatile Map.Entry<LocalDate, String> sectorAnswer;

    CommentaryGroundingSource(JdbcArticleStore articles, CommentaryService service, MarketDataSource market,
                              LiveMaster master, Path constituentsDir, Disclosure disclosure, String universe) {
        this.articles = articles;
        this.service = service;
        this.market = market;
        this.master = master;
        this.constituentsDir = constituentsDir;
        this.disclosure = disclosure;
        this.universe = universe;
    }

    @Override
    public Grounding ground(String question, Classification classification, List<String> knowledgeBases) {
        Resolution r = classification.symbol() != null ? master.resolver().resolve(classification.symbol())
                : master.resolver().findIn(question);
        if (r instanceof Resolution.Found f) {
            return stock(f.security());
        }
        if (r instanceof Resolution.Ambiguous a) {
            return fixed(a.question());
        }
        return marketAnswer(ASKS_SECTORS.matcher(question).find());
    }

    private Grounding stock(ListedSecurity s) {
        return articles.latestApprovedJson(s.symbol().toString(), STOCK_TYPES).flatMap(CommentaryGroundingSource::published)
                .map(CommentaryGroundingSource::fixed)
                .orElseGet(() -> fixed("暂无" + s.label() + "经审核发布的盯盘或复盘文章。可以说“诊断" + s.name()
                        + "”查看其技术面诊断。"));
    }

    private Grounding marketAnswer(boolean sectors) {
        Optional<String> overview = articles.latestApprovedJson(ArticleId.MARKET, MARKET_TYPES)
                .flatMap(CommentaryGroundingSource::published);
        try {
            LocalDate day = market.latestTradingDate();
            String sectorLine = sectors ? sectorText(day) + "\n" : "";
            if (overview.isPresent()) {
                return fixed(sectorLine + overview.get());
            }
            Map.Entry<LocalDate, String> cached = scanAnswer;
            if (cached == null || !cached.getKey().equals(day)) {
                cached = Map.entry(day, scanText(day));
                scanAnswer = cached;
            }
            return fixed(disclosure.aigcLabel() + "\n" + sectorLine + cached.getValue());
        } catch (MarketDataException | IllegalArgumentException e) {
            return overview.map(CommentaryGroundingSource::fixed)
                    .orElseGet(() -> fixed("暂时无法获取最新的市场概况，请稍后再试。"));
        }
    }

    /**
     * The day's sectors, computed once per trading day: the universe's industries when the master has them, else the
     * board indices, and the text says which (the shipped master has no industries). It comes first: it is what was
     * asked.
     */
    private String sectorText(LocalDate day) {
        Map.Entry<LocalDate, String> cached = sectorAnswer;
        if (cached != null && cached.getKey().equals(day)) {
            return cached.getValue();
        }
        Universe u = Universe.resolve(universe, constituentsDir, market);
        boolean industries = master.master().all().stream().anyMatch(s -> s.industry() != null);
        Optional<SectorRanking.Ranking> r = industries ? SectorRanking.rank(market, u.symbols(),
                s -> master.master().find(s).map(ListedSecurity::industry), day) : Optional.empty();
        String text = SectorText.describe(r, service.scan(List.of(), day).indices(), u.name());
        sectorAnswer = Map.entry(day, text);
        return text;
    }

    /** Breadth and index closes of the latest scan, each with the data date (the AIGC label is added when shown). */
    private String scanText(LocalDate day) {
        Universe u = Universe.resolve(universe, constituentsDir, market);
        MarketScan scan = service.scan(u.symbols(), day);
        String indices = scan.indices().stream().map(CommentaryGroundingSource::index).collect(Collectors.joining("；"));
        String breadth = scan.breadth().facts().stream().map(f -> f.label() + f.display())
                .collect(Collectors.joining("，"));
        return day + "市场概况（" + u.name() + "成分股）：" + indices + "。" + breadth
                + "。\n数据日期：" + day + "（交易日收盘数据）\n" + disclosure.disclaimer();
    }

    private static String index(IndexQuote q) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Fact f : q.facts()) {
            byKey.put(f.key(), f.label() + f.display());
        }
        return q.index().name() + byKey.values().stream().limit(2).collect(Collectors.joining("，"));
    }

    private static Optional<String> published(String json) {
        try {
            String text = JSON.readTree(json).path("published").asText("");
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Grounding fixed(String answer) {
        // checked sentence by sentence: only the answer's own sentences pass; the fact lets its figures through
        return new Grounding(List.of(), Map.of("答复", answer), answer,
                sentence -> sentence != null && answer.contains(sentence.strip()) ? List.of()
                        : List.of("COMMENTARY_FIXED: the reviewed article or the computed overview is shown as is"));
    }
}
