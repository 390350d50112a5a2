package org.finassist.server.commentary;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.content.anomaly.MarketScan;
import org.finassist.content.commentary.ArticleId;
import org.finassist.content.commentary.ArticleRequest;
import org.finassist.content.commentary.ArticleStatus;
import org.finassist.content.commentary.ArticleType;
import org.finassist.content.commentary.CommentaryItems;
import org.finassist.content.commentary.CommentaryService;
import org.finassist.content.commentary.ItemResult;
import org.finassist.content.commentary.Universe;
import org.finassist.content.market.MarketDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Starts, resumes and cancels commentary runs on db-scheduler. A run is a {@code commentary-run} task that
 * schedules one {@code commentary-item} task per pending article; each item writes its article through
 * {@link CommentaryItems} (which skips finished articles) and settles its run rows. A node that dies mid-item stops
 * heart-beating; after {@code missed-heartbeats} another node, or this one restarted, runs the item again.
 */
final class CommentaryJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommentaryJobs.class);
    static final String RUN_TASK = "commentary-run";
    static final String ITEM_TASK = "commentary-item";

    private final DataSource dataSource;
    private final CommentaryService service;
    private final CommentaryItems items;
    private final RunStore runs;
    private final MarketDataSource market;
    private final Path constituentsDir;
    private final CommentaryProperties props;
    private final int workers;
    private final MeterRegistry meters;
    private final OneTimeTask<String> runTask;
    private final OneTimeTask<String> itemTask;
    private final ContentSchedule schedule;
    private final ReviewQueue review;
    private volatile Scheduler scheduler;

    CommentaryJobs(DataSource dataSource, CommentaryService service, CommentaryItems items, RunStore runs,
                   MarketDataSource market, Path constituentsDir, CommentaryProperties props, int workers,
                   MeterRegistry meters, ContentSchedule schedule, ReviewQueue review) {
        this.dataSource = dataSource;
        this.service = service;
        this.items = items;
        this.runs = runs;
        this.market = market;
        this.constituentsDir = constituentsDir;
        this.props = props;
        this.workers = workers;
        this.meters = meters;
        this.schedule = schedule;
        this.review = review;
        this.runTask = Tasks.oneTime(RUN_TASK, String.class).execute((inst, ctx) -> schedulePending(inst.getId()));
        this.itemTask = Tasks.oneTime(ITEM_TASK, String.class).execute((inst, ctx) -> runItem(inst.getId(), inst.getData()));
    }

    int workers() {
        return workers;
    }

    /**
     * Plans a run over {@code universe} for {@code date} (the latest trading day when null) and schedules it.
     *
     * @throws IllegalArgumentException for an unknown universe or type, or a day without data
     */
    RunView start(LocalDate date, String universeName, Set<ArticleType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("At least one article type is needed");
        }
        LocalDate day = date == null ? market.latestTradingDate() : date;
        Universe universe = Universe.resolve(universeName, constituentsDir, market);
        MarketScan scan = service.scan(universe.symbols(), day);
        if (scan.breadth().traded() == 0) {
            throw new IllegalArgumentException("No stock of " + universe.name() + " traded on " + day);
        }
        List<String> ids = service.plan(scan, universe.symbols(), types).stream().map(r -> r.id().value()).distinct()
                .toList();
        String runId = UUID.randomUUID().toString();
        runs.create(runId, day, universe.name(), types.stream().map(ArticleType::id).toList(), scan.breadth(), ids);
        scheduler().scheduleIfNotExists(runTask.instance(runId, runId), Instant.now());
        log.info("Commentary run {}: {} articles ({}) for {} over {} ({} stocks, {})", runId, ids.size(), types, day,
                universe.name(), universe.symbols().size(), universe.source());
        return runs.get(runId).orElseThrow();
    }

    boolean cancel(String runId) {
        return runs.cancel(runId);
    }

    Optional<RunView> get(String runId) {
        return runs.get(runId);
    }

    List<RunView> list(int limit) {
        return runs.list(limit);
    }

    private void schedulePending(String runId) {
        int n = 0;
        for (String articleId : runs.pendingItems(runId)) {
            if (scheduler().scheduleIfNotExists(itemTask.instance(articleId, runId), Instant.now())) {
                n++;
            }
        }
        log.info("Commentary run {}: {} items scheduled", runId, n);
    }

    private void runItem(String articleId, String runId) {
        if (!runs.wanted(articleId)) {
            runs.settle(articleId, ArticleStatus.CANCELLED, null);
            return;
        }
        ArticleId id = ArticleId.parse(articleId);
        ArticleRequest request = new ArticleRequest(id, id.type().perStock() ? null : runs.breadth(runId));
        ItemResult result = items.run(request, runId);
        runs.settle(articleId, result.status(), result.error());
        meters.counter("finassist.commentary.items", "status", result.status().id()).increment();
        if (result.status() == ArticleStatus.DONE) {
            review.publishApproved(); // an auto-approved article goes out now; a failed earlier one is retried
        }
    }

    private Scheduler scheduler() {
        Scheduler s = scheduler;
        if (s == null) {
            throw new IllegalStateException("The commentary scheduler is not running");
        }
        return s;
    }

    @Override
    public void start() {
        // twice the model permits: while half the items wait on the model, the others compute facts, run checks
        // and store; the batch bulkhead in front of the model keeps calls at the worker count
        Scheduler s = Scheduler.create(dataSource, runTask, itemTask)
                .threads(2 * workers)
                .pollingInterval(props.pollingInterval())
                .heartbeatInterval(props.heartbeatInterval())
                .missedHeartbeatsLimit(props.missedHeartbeats())
                .deleteUnresolvedAfter(props.deleteUnresolvedAfter())
                .enableImmediateExecution()
                .startTasks(schedule.tasks(this::start))
                .build();
        s.start();
        scheduler = s;
        // a node that died between planning a run and scheduling its run task left it without one
        runs.runningRuns().forEach(id -> s.scheduleIfNotExists(runTask.instance(id, id), Instant.now()));
        log.info("Commentary scheduler started: {} model calls at once, {} item threads, heartbeat {} (dead after {} "
                + "missed)", workers, 2 * workers,
                props.heartbeatInterval(), props.missedHeartbeats());
    }

    @Override
    public void stop() {
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
