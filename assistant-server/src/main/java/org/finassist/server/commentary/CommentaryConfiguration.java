package org.finassist.server.commentary;

import org.finassist.core.guardrail.Disclosure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.langchain4j.model.chat.ChatModel;
import org.finassist.content.commentary.ArticleStatus;
import org.finassist.content.commentary.BulkheadChatModel;
import org.finassist.content.commentary.CommentaryItems;
import org.finassist.content.commentary.CommentaryService;
import org.finassist.content.market.MarketDataSource;
import org.finassist.core.guardrail.RejectionListener;
import org.finassist.core.router.Candidate;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.ProviderStatus;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RoutedChatModel;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.content.market.TradingCalendar;
import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.MasterCsv;
import org.finassist.content.master.SecuritiesMaster;
import org.finassist.content.tushare.TushareMasterLoader;
import org.finassist.server.market.ContentProperties;
import org.finassist.server.market.TushareProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Wires the commentary service, its stores, the db-scheduler job engine and the metrics the dashboard reads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommentaryProperties.class)
class CommentaryConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommentaryConfiguration.class);

    /** At most this many batch model calls at once on this node (the batch-only bulkhead). */
    static final Duration PERMIT_WAIT = Duration.ofMinutes(30);

    @Bean
    CommentaryService commentaryService(ContentProperties content, MarketDataSource market, ModelRouter router,
                                        PromptRenderer prompts, RejectionListener diagnosisRejectionListener,
                                        CommentaryProperties props, KnowledgeIndex knowledge,
                                        Disclosure contentDisclosure) {
        ChatModel model = content.modelNarrative() ? new BulkheadChatModel(
                new RoutedChatModel(router, Scenario.COMMENTARY.id(), org.finassist.core.router.RouteOptions.BATCH),
                "commentary-batch", workers(props, router),
                PERMIT_WAIT) : null;
        return CommentaryService.builder().marketData(market).renderer(prompts).disclosure(contentDisclosure)
                .anomalyRules(org.finassist.content.anomaly.AnomalyRules.DEFAULT
                        .withLimits(content.priceLimitRules()))
                .model(model)
                .newsRetriever(props.newsKbIds().isEmpty() ? null : knowledge.retriever(Set.copyOf(props.newsKbIds())))
                .rejectionListener(diagnosisRejectionListener)
                .build();
    }

    @Bean
    JdbcArticleStore commentaryArticleStore(JdbcClient jdbc, ReviewProperties review) {
        return new JdbcArticleStore(jdbc, review.policy());
    }

    /**
     * Chat's commentary scenario: the newest approved article of a stock or of the market, else the latest scan of
     * the schedule's universe with its data date.
     */
    @Bean
    org.finassist.server.router.ScenarioGrounding commentaryGrounding(JdbcArticleStore articles,
                                                                      CommentaryService service, MarketDataSource market,
                                                                      LiveMaster master, CommentaryProperties props,
                                                                      ContentProperties content,
                                                                      Disclosure contentDisclosure,
                                                                      ScheduleProperties schedule) {
        return new org.finassist.server.router.ScenarioGrounding(Scenario.COMMENTARY, new CommentaryGroundingSource(
                articles, service, market, master, constituentsDir(props, content), contentDisclosure,
                schedule.universe()));
    }

    @Bean
    ReviewQueue commentaryReviewQueue(JdbcArticleStore articles, ReviewProperties review) {
        PublishHook hook = review.hook();
        log.info("Content review: {}; approved articles are published to {}", review.autoApprove()
                ? "auto-approval of clean articles, " + review.samplingRate() + " of them sampled for review"
                : "every article reviewed", hook.describe());
        return new ReviewQueue(articles, hook, Clock.systemUTC());
    }

    /**
     * The schedule; with {@code market-source: tushare} also the daily securities-master refresh (stock_basic +
     * namechange), written to {@code finassist.content.master-file} when set so a restart keeps it.
     */
    @Bean
    ContentSchedule contentSchedule(ScheduleProperties schedule, MarketDataSource market, ContentProperties content,
                                    TushareProperties tushare, LiveMaster master) {
        TradingCalendar calendar = market instanceof TradingCalendar c ? c : TradingCalendar.WEEKDAYS;
        Runnable refresh = "tushare".equals(content.marketSource()) ? () -> {
            SecuritiesMaster fresh = new TushareMasterLoader(tushare.config()).load();
            master.replace(fresh);
            if (content.masterFile() != null) {
                try (var w = java.nio.file.Files.newBufferedWriter(content.masterFile())) {
                    MasterCsv.write(fresh, java.util.List.of(fresh.provenance()), w);
                } catch (java.io.IOException e) {
                    log.warn("Securities master refreshed but not written to {}: {}", content.masterFile(), e.getMessage());
                }
            }
            log.info("Securities master refreshed: {} stocks {}", fresh.size(), fresh.countByBoard());
        } : null;
        if (schedule.enabled()) {
            log.info("Commentary schedule: alerts every {} in trading hours, recap at {} ({}), universe {}",
                    schedule.alertEvery(), schedule.recapAt(), schedule.zone(), schedule.universe());
        }
        return new ContentSchedule(schedule, market, calendar, Clock.systemUTC(), refresh, tushare.masterRefresh());
    }

    @Bean
    RunStore commentaryRunStore(JdbcClient jdbc, PlatformTransactionManager txManager) {
        return new RunStore(jdbc, new TransactionTemplate(txManager), Clock.systemUTC());
    }

    @Bean
    CommentaryJobs commentaryJobs(DataSource dataSource, CommentaryService service, JdbcArticleStore articles,
                                  RunStore runs, MarketDataSource market, ContentProperties content,
                                  CommentaryProperties props, ModelRouter router, MeterRegistry meters,
                                  ContentSchedule schedule, ReviewQueue review) {
        for (ArticleStatus s : new ArticleStatus[] {ArticleStatus.DONE, ArticleStatus.FAILED, ArticleStatus.REJECTED,
                ArticleStatus.SKIPPED}) {
            meters.counter("finassist.commentary.items", "status", s.id());
        }
        Gauge.builder("finassist.commentary.runs.active", runs, RunStore::active)
                .description("commentary runs in progress").register(meters);
        return new CommentaryJobs(dataSource, service, new CommentaryItems(service, articles), runs, market,
                constituentsDir(props, content), props, workers(props, router), meters, schedule, review);
    }

    private static Path constituentsDir(CommentaryProperties props, ContentProperties content) {
        if (props.constituentsDir() != null) {
            return props.constituentsDir();
        }
        return content.marketDir() == null ? null : content.marketDir().resolve("constituents");
    }

    /**
     * Batch model calls at once: configured workers, else the first rank of the commentary route: the enabled providers' concurrency minus
     * the share reserved for chat; only the local model → one worker per core (it is CPU-bound).
     */
    static int workers(CommentaryProperties props, ModelRouter router) {
        if (props.workers() > 0) {
            return props.workers();
        }
        RouteConfig route = router.config().routes().get(Scenario.COMMENTARY.id());
        Map<String, ProviderStatus> providers = router.providerStatuses().stream()
                .collect(Collectors.toMap(ProviderStatus::id, p -> p, (a, b) -> a));
        Set<String> first = route == null || route.ranks().isEmpty() ? Set.of() : route.ranks().getFirst().stream()
                .filter(c -> !c.isLocal()).map(Candidate::provider).collect(Collectors.toSet());
        int total = 0;
        for (String id : first) {
            ProviderStatus p = providers.get(id);
            if (p != null && !"disabled".equals(p.state())) {
                int reserve = Math.max(1, (int) Math.ceil(p.maxConcurrency() * props.chatReserve()));
                total += Math.max(1, p.maxConcurrency() - reserve);
            }
        }
        return total > 0 ? total : Runtime.getRuntime().availableProcessors();
    }
}
