package org.finassist.server.funnel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.finassist.ocr.guide.OpeningSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the funnel from {@link FunnelProperties}: recorder, queries, export, report job, simulator, sweep. */
@Configuration(proxyBeanMethods = false)
class FunnelConfiguration {

    private final FunnelProperties props;
    private final Clock clock = Clock.systemUTC();

    FunnelConfiguration(FunnelProperties props) {
        this.props = props;
    }

    @Bean
    FunnelStore funnelStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new FunnelStore(jdbc, new TransactionTemplate(tx));
    }

    @Bean
    StepCatalog funnelSteps() {
        return StepCatalog.of(OpeningSteps.standard());
    }

    @Bean
    ExperimentSplit experimentSplit() {
        FunnelProperties.Experiment e = props.experiment();
        return new ExperimentSplit(e.enabled(), e.guidedShare(), e.salt());
    }

    @Bean
    FunnelRecorder funnelRecorder(FunnelStore store, StepCatalog steps, ExperimentSplit split) {
        return props.enabled() ? new JdbcFunnelRecorder(store, steps, split, clock) : FunnelRecorder.NONE;
    }

    @Bean
    FunnelQueries funnelQueries(JdbcTemplate jdbc, StepCatalog steps, ExperimentSplit split) {
        return new FunnelQueries(jdbc, steps, split, ZoneId.of(props.zone()), clock);
    }

    @Bean
    FunnelCsv funnelCsv(JdbcTemplate jdbc, StepCatalog steps) {
        return new FunnelCsv(jdbc, steps, ZoneId.of(props.zone()));
    }

    @Bean
    DailyReportJob dailyReportJob(JdbcTemplate jdbc, FunnelQueries queries,
                                  @Value("${finassist.data-dir:./data}") String dataDir) {
        String dir = props.report().dir().isBlank() ? Path.of(dataDir, "reports").toString() : props.report().dir();
        return new DailyReportJob(jdbc, queries, clock, Path.of(dir));
    }

    @Bean
    FunnelSimulator funnelSimulator(FunnelStore store) {
        return new FunnelSimulator(store, props.abandonAfter(), ZoneId.of(props.zone()));
    }

    @Bean(destroyMethod = "close")
    FunnelJobs funnelJobs(FunnelStore store, DailyReportJob report) {
        if (!props.enabled()) {
            return new FunnelJobs(null, clock, props.abandonAfter(), null, null, props.report().checkEvery());
        }
        return new FunnelJobs(store, clock, props.abandonAfter(), props.sweepEvery(),
                props.report().enabled() ? report : null, props.report().checkEvery());
    }
}
