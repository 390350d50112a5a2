package org.finassist.server.diagnosis;

import org.finassist.content.diagnosis.DiagnosisService;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.master.LiveMaster;
import org.finassist.core.guardrail.Disclosure;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RoutedChatModel;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.finassist.server.market.ContentProperties;
import org.finassist.server.router.ScenarioGrounding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the diagnosis service and the chat grounding of the stock-diagnosis scenario (market data: {@code server/market}). */
@Configuration(proxyBeanMethods = false)
class DiagnosisConfiguration {

    /** Stock names in chat go to diagnosis (static: a post-processor is created before other beans). */
    @Bean
    static StockNameClassifierPostProcessor stockNameClassifier(
            org.springframework.beans.factory.ObjectProvider<LiveMaster> master) {
        return new StockNameClassifierPostProcessor(master);
    }

    @Bean
    DiagnosisService diagnosisService(ContentProperties p, MarketDataSource market, ModelRouter router,
                                      PromptRenderer prompts, RejectionListener diagnosisRejectionListener,
                                      LiveMaster master, Disclosure disclosure) {
        return base(p, market, prompts, master, disclosure)
                .narrativeModel(p.modelNarrative() ? new RoutedChatModel(router, Scenario.STOCK_DIAGNOSIS.id()) : null)
                .rejectionListener(diagnosisRejectionListener)
                .build();
    }

    @Bean
    ScenarioGrounding stockDiagnosisGrounding(ContentProperties p, MarketDataSource market, PromptRenderer prompts,
                                              LiveMaster master, Disclosure disclosure) {
        // the chat's own model answers from these facts; the local model returns the template narrative as is
        return new ScenarioGrounding(Scenario.STOCK_DIAGNOSIS,
                new DiagnosisGroundingSource(base(p, market, prompts, master, disclosure).build(), "synthetic".equals(p.marketSource())));
    }

    private DiagnosisService.Builder base(ContentProperties p, MarketDataSource market, PromptRenderer prompts,
                                          LiveMaster master, Disclosure disclosure) {
        return DiagnosisService.builder().marketData(market).master(master).renderer(prompts)
                .disclosure(disclosure).priceLimitRules(p.priceLimitRules())
                .bollStdDev(p.bollStdDev());
    }
}
