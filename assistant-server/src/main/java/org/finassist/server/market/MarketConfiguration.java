package org.finassist.server.market;

import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.content.market.CsvMarketDataSource;
import org.finassist.content.market.HqChartMarketDataSource;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.StOverrides;
import org.finassist.content.market.Symbol;
import org.finassist.content.market.SyntheticMarket;
import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.SecuritiesMaster;
import org.finassist.content.tushare.TushareMarketDataSource;
import org.finassist.core.guardrail.Disclosure;
import org.finassist.core.guardrail.RejectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Wires what diagnosis, commentary and the chat's market answers share: the securities master, the market data
 * source from {@code finassist.content.*}, the disclosure every generated text carries, and the guardrail-rejection
 * meter of generated content.
 */
@Configuration(proxyBeanMethods = false)
class MarketConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MarketConfiguration.class);

    /** The securities master in force: {@code finassist.content.master-file}, else the one shipped in the jar. */
    @Bean
    @ConditionalOnMissingBean
    LiveMaster securitiesMaster(ContentProperties p) {
        SecuritiesMaster master = p.masterFile() != null && java.nio.file.Files.isRegularFile(p.masterFile())
                ? SecuritiesMaster.load(p.masterFile()) : SecuritiesMaster.bundled();
        log.info("Securities master: {} stocks {} from {}; main-board ST ±10% from {} ({})", master.size(),
                master.countByBoard(), p.masterFile() != null && java.nio.file.Files.isRegularFile(p.masterFile())
                        ? p.masterFile() : "the shipped list", p.stAlignedFrom(), p.stAlignedSource());
        return new LiveMaster(master);
    }

    @Bean
    @ConditionalOnMissingBean
    MarketDataSource marketDataSource(ContentProperties p, LiveMaster master, TushareProperties tushare) {
        MarketDataSource source = switch (p.marketSource()) {
            case "tushare" -> new TushareMarketDataSource(tushare.config());
            case "hqchart" -> new HqChartMarketDataSource(requireDir(p));
            case "csv" -> new CsvMarketDataSource(requireDir(p));
            // the master's real codes and names, simulated prices: never a made-up name on a real code
            case "synthetic" -> new SyntheticMarket(new SyntheticMarket.Config(p.syntheticSeed(), p.syntheticStocks(),
                    p.syntheticDays(), p.syntheticEndDate(), 0.03, 0.01, 0.03), p.priceLimitRules(),
                    p.inventedNames() ? java.util.List.of()
                            : master.master().all().stream().map(s -> s.info(p.syntheticEndDate(), null)).toList());
            default -> throw new IllegalStateException("finassist.content.market-source must be synthetic, hqchart, csv or tushare: "
                    + p.marketSource());
        };
        log.info("Market data: {} source with {} securities, latest trading day {}{}", p.marketSource(),
                source.securities().size(), source.latestTradingDate(),
                "synthetic".equals(p.marketSource()) ? " (real names, simulated prices: not real quotes)" : "");
        Set<Symbol> st = p.stSymbols().stream().map(Symbol::parse).collect(Collectors.toSet());
        return st.isEmpty() ? source : new StOverrides(source, st, Set.of());
    }

    @Bean
    RejectionListener diagnosisRejectionListener(MeterRegistry registry) {
        return (scenario, violations) -> violations.forEach(v -> registry.counter("finassist.guardrail.rejections",
                "scenario", scenario, "guardrail", v.guardrail(), "code", v.code()).increment());
    }

    /**
     * The label and disclaimer every diagnosis and article carries. On the synthetic demo market the disclaimer says
     * so: the names are real, the prices simulated, and a reader must not take them for quotes.
     */
    @Bean
    Disclosure contentDisclosure(ContentProperties p) {
        return p.inventedNames() ? INVENTED_DISCLOSURE
                : "synthetic".equals(p.marketSource()) ? DEMO_DISCLOSURE : Disclosure.DEFAULT;
    }

    static final Disclosure INVENTED_DISCLOSURE = new Disclosure(Disclosure.DEFAULT.aigcLabel(),
            "以上内容由AI根据演示用模拟行情自动生成，证券名称与价格均为虚构，并非真实行情，仅供体验产品功能，不构成投资建议。");

    static final Disclosure DEMO_DISCLOSURE = new Disclosure(Disclosure.DEFAULT.aigcLabel(),
            "以上内容由AI根据演示用模拟行情自动生成：证券代码与名称为真实上市公司，价格与成交数据均为模拟，并非真实行情，"
                    + "仅供体验产品功能，不构成投资建议。");

    private static java.nio.file.Path requireDir(ContentProperties p) {
        if (p.marketDir() == null) {
            throw new IllegalStateException("finassist.content.market-dir is required for market-source " + p.marketSource());
        }
        return p.marketDir();
    }
}
