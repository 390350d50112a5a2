package org.finassist.content.diagnosis;

import dev.langchain4j.model.chat.ChatModel;
import org.finassist.content.indicator.StdDev;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.Board;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.PriceLimitRules;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.Symbol;
import org.finassist.content.master.ListedSecurity;
import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.NameResolver;
import org.finassist.content.master.Resolution;
import org.finassist.content.master.SecuritiesMaster;
import org.finassist.core.guardrail.Disclosure;
import org.finassist.core.guardrail.DisclosureGuardrail;
import org.finassist.core.guardrail.Guardrail;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.GuardrailResult;
import org.finassist.core.guardrail.Guardrails;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.prompts.PromptRenderer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Diagnoses one A-share: resolves the code or name, computes facts and scores, writes the narrative (model via the
 * {@code stock-diagnosis} route, checked; or the local template) and assembles the published text. Thread-safe.
 */
public final class DiagnosisService {

    private final MarketDataSource market;
    private final LiveMaster names;
    private final FactsCalculator calculator;
    private final Scorer scorer = new Scorer();
    private final NarrativeWriter writer;
    private final Disclosure disclosure;
    private final DisclosureGuardrail disclosureCheck;

    private DiagnosisService(Builder b) {
        this.market = Objects.requireNonNull(b.market, "market");
        this.names = b.master != null ? b.master
                : new LiveMaster(SecuritiesMaster.of(market.securities(), "market data source"));
        this.calculator = new FactsCalculator(b.rules, b.bollStdDev);
        this.disclosure = b.disclosure;
        this.disclosureCheck = new DisclosureGuardrail(disclosure);
        this.writer = new NarrativeWriter(b.model, b.renderer, b.guardrail, b.rejections);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How this service recognises stocks (the master it was given, else the market source's names). */
    public NameResolver resolver() {
        return names.resolver();
    }

    /**
     * Diagnoses the stock {@code query} names: a code in any common form, the full, former or short name, or the
     * pinyin initials. Refuses with {@link DiagnosisException.Reason#AMBIGUOUS} (a clarifying question) when
     * several stocks fit and {@link DiagnosisException.Reason#UNKNOWN_SYMBOL} when none does.
     */
    public DiagnosisReport diagnose(String query) {
        DiagnosisFacts facts = facts(query);
        Scores scores = scorer.score(facts);
        Narrative narrative = writer.write(facts, scores);
        String published = disclosure.aigcLabel() + "\n" + narrative.text() + "\n数据日期：" + facts.asOf()
                + "（交易日收盘数据）\n" + disclosure.disclaimer();
        GuardrailResult check = disclosureCheck.check(published, GroundingContext.builder().date(facts.asOf()).build());
        return new DiagnosisReport(facts, scores, narrative, disclosure.aigcLabel(), disclosure.disclaimer(),
                facts.asOf(), published, check);
    }

    /** Facts only (no scores, no narrative): what a benchmark of the computation measures. */
    public DiagnosisFacts facts(String query) {
        Symbol symbol = symbol(query);
        SecurityInfo security = market.security(symbol).orElseThrow(() -> new DiagnosisException(
                DiagnosisException.Reason.UNKNOWN_SYMBOL, names.master().find(symbol)
                        .map(s -> "已识别为" + s.label() + "，但当前行情数据源暂无该股票的数据，暂无法诊断。")
                        .orElse("暂无股票" + symbol + "的行情数据，请确认代码是否正确。"),
                "Symbol " + symbol + " is not in the market data source", null));
        if (security.isIndex()) {
            throw new DiagnosisException(DiagnosisException.Reason.NOT_A_STOCK,
                    security.name() + "是指数，诊股仅支持个股，请输入股票代码。", symbol + " is an index", null);
        }
        BarSeries bars = load(symbol);
        if (bars.isEmpty() || bars.lastDate().isBefore(market.latestTradingDate())) {
            throw new DiagnosisException(DiagnosisException.Reason.SUSPENDED,
                    security.name() + "（" + symbol + "）" + (bars.isEmpty() ? "暂无成交数据" : "自" + bars.lastDate() + "之后无成交数据，可能处于停牌中")
                            + "，暂无法诊断。", symbol + " has no bar on " + market.latestTradingDate(), null);
        }
        if (bars.size() < FactsCalculator.MIN_BARS) {
            throw new DiagnosisException(DiagnosisException.Reason.INSUFFICIENT_HISTORY,
                    security.name() + "（" + symbol + "）上市交易日不足" + FactsCalculator.MIN_BARS + "个，历史数据太少，暂无法给出技术面诊断。",
                    symbol + " has " + bars.size() + " bars, needs " + FactsCalculator.MIN_BARS, null);
        }
        return calculator.compute(bars, benchmark(security));
    }

    /** An index code stays a code (so it is refused as an index); anything else goes through the resolver. */
    private Symbol symbol(String query) {
        Optional<Symbol> code = Symbol.tryParse(query == null ? "" : query.strip());
        if (code.isPresent() && market.security(code.get()).filter(SecurityInfo::isIndex).isPresent()) {
            return code.get();
        }
        Resolution r = names.resolver().resolve(query);
        if (r instanceof Resolution.Found f) {
            return f.security().symbol();
        }
        if (code.isPresent() && market.security(code.get()).isPresent()) {
            return code.get(); // the source has a stock the master does not list (yet)
        }
        throw switch (r) {
            case Resolution.Ambiguous a -> new DiagnosisException(DiagnosisException.Reason.AMBIGUOUS, a.question(),
                    "'" + clip(query) + "' fits " + a.total() + " stocks", null,
                    a.candidates().stream().map(ListedSecurity::symbol).toList());
            case Resolution.Unknown u -> unknown(query, new Resolution.Unknown(clip(u.query())).message());
            case Resolution.Found f -> throw new IllegalStateException("handled above: " + f);
            case Resolution.Absent a -> unknown(query,
                    "请告诉我要诊断的股票：6位代码（如600519）、名称（如贵州茅台）、简称（如茅台）或拼音首字母（如gzmt）。");
        };
    }

    private static DiagnosisException unknown(String query, String message) {
        return new DiagnosisException(DiagnosisException.Reason.UNKNOWN_SYMBOL, message,
                "Cannot resolve '" + clip(query) + "' to a symbol", null);
    }

    private BarSeries load(Symbol symbol) {
        try {
            return market.dailyBars(symbol);
        } catch (MarketDataException e) {
            throw new DiagnosisException(DiagnosisException.Reason.BAD_DATA,
                    "暂时无法读取" + symbol + "的行情数据，请稍后再试。", e.getMessage(), e);
        }
    }

    private Optional<BarSeries> benchmark(SecurityInfo s) {
        String first = switch (s.board()) {
            case CHINEXT -> "399006.SZ";
            case STAR -> "000688.SH";
            case BSE -> "899050.BJ";
            default -> s.symbol().exchange() == org.finassist.content.market.Exchange.SZ ? "399001.SZ" : "000001.SH";
        };
        for (String candidate : List.of(first, "000300.SH", "000001.SH", "399001.SZ")) {
            Symbol symbol = Symbol.parse(candidate);
            if (market.security(symbol).filter(x -> x.board() == Board.INDEX).isPresent()) {
                try {
                    return Optional.of(market.dailyBars(symbol));
                } catch (MarketDataException e) {
                    // a broken index file must not block the stock's own diagnosis; try the next index
                }
            }
        }
        return Optional.empty();
    }

    private static String clip(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }

    /** Builder: {@code market} is required; everything else has a default. */
    public static final class Builder {
        private MarketDataSource market;
        private ChatModel model;
        private PromptRenderer renderer = PromptRenderer.classpath();
        private Guardrail guardrail = Guardrails.forNarrative();
        private RejectionListener rejections = RejectionListener.NONE;
        private Disclosure disclosure = Disclosure.DEFAULT;
        private PriceLimitRules rules = PriceLimitRules.DEFAULT;
        private StdDev bollStdDev = StdDev.POPULATION;
        private LiveMaster master;

        private Builder() {
        }

        /** The securities master names are resolved against; default: the market source's own names. */
        public Builder master(SecuritiesMaster master) {
            return master(new LiveMaster(master));
        }

        /** A master that a refresh job replaces while the service runs. */
        public Builder master(LiveMaster master) {
            this.master = master;
            return this;
        }

        public Builder marketData(MarketDataSource market) {
            this.market = market;
            return this;
        }

        /** The {@code stock-diagnosis} route; {@code null} (the default) narrates with the local template. */
        public Builder narrativeModel(ChatModel model) {
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

        public Builder priceLimitRules(PriceLimitRules rules) {
            this.rules = Objects.requireNonNull(rules);
            return this;
        }

        public Builder bollStdDev(StdDev sd) {
            this.bollStdDev = Objects.requireNonNull(sd);
            return this;
        }

        public DiagnosisService build() {
            return new DiagnosisService(this);
        }
    }
}
