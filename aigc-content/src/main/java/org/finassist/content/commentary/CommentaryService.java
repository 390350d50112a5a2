package org.finassist.content.commentary;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import org.finassist.content.anomaly.Anomaly;
import org.finassist.content.anomaly.AnomalyRules;
import org.finassist.content.anomaly.AnomalyScanner;
import org.finassist.content.anomaly.MarketScan;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.Symbol;
import org.finassist.core.guardrail.Disclosure;
import org.finassist.core.guardrail.DisclosureGuardrail;
import org.finassist.core.guardrail.Guardrail;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.Guardrails;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.prompts.PromptRenderer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans and writes commentary: scans a universe for a day, turns the scan into article requests, and writes one
 * article per request (facts → model or local template → checks → label, data date, disclaimer). Thread-safe;
 * {@link #write} is what one batch item calls.
 */
public final class CommentaryService {

    private static final int NEWS_PASSAGES = 3;
    private static final int NEWS_CHARS = 160;

    private final AnomalyScanner scanner;
    private final FactsAssembler assembler;
    private final CommentaryWriter writer;
    private final CommentaryWriter videoWriter;
    private final Disclosure disclosure;
    private final DisclosureGuardrail disclosureCheck;
    private final ContentRetriever news;
    private final boolean modelConfigured;
    private final Clock clock;

    private CommentaryService(Builder b) {
        MarketDataSource market = Objects.requireNonNull(b.market, "market");
        this.scanner = new AnomalyScanner(market, b.rules);
        this.assembler = new FactsAssembler(market, scanner);
        this.writer = new CommentaryWriter(b.model, b.renderer, b.guardrail, b.rejections);
        this.videoWriter = new CommentaryWriter(b.model, b.renderer,
                Guardrails.of(b.guardrail, new VideoScripts.LengthCheck()), b.rejections);
        this.disclosure = b.disclosure;
        this.disclosureCheck = new DisclosureGuardrail(b.disclosure);
        this.news = b.news;
        this.modelConfigured = b.model != null;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The template version that goes into article ids of {@code type}. */
    public String templateVersion(ArticleType type) {
        return TemplateVersions.of(type);
    }

    public MarketScan scan(List<Symbol> universe, LocalDate date) {
        return scanner.scan(universe, date);
    }

    /**
     * The articles a run writes: alerts and video scripts for each stock with an anomaly, recaps for each stock that
     * traded plus the market overview, and one strategy note.
     */
    public List<ArticleRequest> plan(MarketScan scan, Collection<Symbol> universe, Set<ArticleType> types) {
        Set<Symbol> traded = new LinkedHashSet<>(universe);
        scan.skipped().forEach(traded::remove);
        List<ArticleRequest> out = new ArrayList<>();
        for (ArticleType type : types) {
            switch (type) {
                case ALERT, VIDEO -> scan.anomalies().keySet().forEach(s -> out.add(stock(type, s, scan.date())));
                case RECAP -> {
                    traded.stream().filter(s -> s.board() != org.finassist.content.market.Board.INDEX)
                            .forEach(s -> out.add(stock(type, s, scan.date())));
                    if (!types.contains(ArticleType.MARKET)) {
                        out.add(market(ArticleType.MARKET, scan));
                    }
                }
                case MARKET, STRATEGY -> out.add(market(type, scan));
            }
        }
        return out;
    }

    private ArticleRequest stock(ArticleType type, Symbol symbol, LocalDate date) {
        return new ArticleRequest(new ArticleId(type, symbol.toString(), date, templateVersion(type)), null);
    }

    private ArticleRequest market(ArticleType type, MarketScan scan) {
        return new ArticleRequest(new ArticleId(type, ArticleId.MARKET, scan.date(), templateVersion(type)),
                scan.breadth());
    }

    /**
     * Writes one article. A model text rejected twice gives a {@link ArticleStatus#REJECTED} article (not published);
     * missing data throws {@link CommentaryException}.
     */
    public Article write(ArticleRequest request) {
        ArticleId id = request.id();
        SubjectFacts facts = id.type().perStock() ? assembler.stock(Symbol.parse(id.subject()), id.date())
                : assembler.market(id.date(), request.breadth());
        List<String> passages = news(facts);
        Draft draft = (id.type() == ArticleType.VIDEO ? videoWriter : writer).write(id.type(), facts, passages);
        String title = title(id.type(), facts);
        List<VideoSegment> segments = id.type() == ArticleType.VIDEO && draft.accepted()
                ? VideoScripts.segments(draft.text()) : List.of();
        String route = modelConfigured ? CommentaryWriter.SCENARIO : "local";
        if (!draft.accepted()) {
            return new Article(id, ArticleStatus.REJECTED, facts.name(), new Article.Text(title, draft.text(), "", segments),
                    new Article.Evidence(facts.all(), passages, draft.violations(), draft.attempts()),
                    generation(draft, route), clock.instant());
        }
        String published = disclosure.aigcLabel() + title + "\n\n" + draft.text() + "\n\n数据日期：" + id.date()
                + "（交易日收盘数据）\n" + disclosure.disclaimer();
        var checks = disclosureCheck.check(published, GroundingContext.builder().date(id.date()).build());
        return new Article(id, checks.passed() ? ArticleStatus.DONE : ArticleStatus.REJECTED, facts.name(),
                new Article.Text(title, draft.text(), checks.passed() ? published : "", segments),
                new Article.Evidence(facts.all(), passages, checks.violations(), draft.attempts()),
                generation(draft, route), clock.instant());
    }

    private static Article.Generation generation(Draft draft, String route) {
        return new Article.Generation(draft.source(), route, draft.model(), draft.promptTokens(),
                draft.completionTokens(), draft.costCny());
    }

    private static String title(ArticleType type, SubjectFacts f) {
        String kinds = f.anomalies().stream().map(Anomaly::kind).distinct().map(k -> k.label())
                .collect(Collectors.joining("、"));
        String subject = f.security() == null ? "" : f.name() + "（" + f.subject() + "）";
        return switch (type) {
            case ALERT -> subject + "盯盘：" + (kinds.isEmpty() ? "盘面平稳" : kinds);
            case RECAP -> subject + f.date() + "复盘";
            case MARKET -> f.date() + "市场复盘";
            case STRATEGY -> f.date() + "市场策略观察";
            case VIDEO -> subject + f.date() + "短视频脚本";
        };
    }

    private List<String> news(SubjectFacts f) {
        if (news == null || f.security() == null || f.anomalies().isEmpty()) {
            return List.of();
        }
        String kinds = f.anomalies().stream().map(a -> a.kind().label()).distinct().collect(Collectors.joining(" "));
        try {
            return news.retrieve(Query.from(f.name() + " " + kinds)).stream().limit(NEWS_PASSAGES)
                    .map(Content::textSegment).map(t -> clip(t.text())).toList();
        } catch (RuntimeException e) {
            // attribution is optional; an unavailable news index must not stop the article
            return List.of();
        }
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= NEWS_CHARS ? t : t.substring(0, NEWS_CHARS) + "…";
    }

    /** Builder: {@code marketData} is required; without a model the local templates write every article. */
    public static final class Builder {
        private MarketDataSource market;
        private ChatModel model;
        private PromptRenderer renderer = PromptRenderer.classpath();
        private Guardrail guardrail = Guardrails.forNarrative();
        private RejectionListener rejections = RejectionListener.NONE;
        private Disclosure disclosure = Disclosure.DEFAULT;
        private AnomalyRules rules = AnomalyRules.DEFAULT;
        private ContentRetriever news;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder marketData(MarketDataSource market) {
            this.market = market;
            return this;
        }

        /** The {@code commentary} route; {@code null} (the default) writes with the local templates. */
        public Builder model(ChatModel model) {
            this.model = model;
            return this;
        }

        public Builder renderer(PromptRenderer renderer) {
            this.renderer = Objects.requireNonNull(renderer);
            return this;
        }

        public Builder guardrail(Guardrail guardrail) {
            this.guardrail = Objects.requireNonNull(guardrail);
            return this;
        }

        public Builder rejectionListener(RejectionListener rejections) {
            this.rejections = Objects.requireNonNull(rejections);
            return this;
        }

        public Builder disclosure(Disclosure disclosure) {
            this.disclosure = Objects.requireNonNull(disclosure);
            return this;
        }

        public Builder anomalyRules(AnomalyRules rules) {
            this.rules = Objects.requireNonNull(rules);
            return this;
        }

        /** A news knowledge base for attribution (归因); {@code null} (the default) means no attribution. */
        public Builder newsRetriever(ContentRetriever news) {
            this.news = news;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public CommentaryService build() {
            return new CommentaryService(this);
        }
    }
}
