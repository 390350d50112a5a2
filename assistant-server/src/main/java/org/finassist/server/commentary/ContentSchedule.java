package org.finassist.server.commentary;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.finassist.content.commentary.ArticleType;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.MarketDataSource;
import org.finassist.content.market.TradingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commentary schedule as db-scheduler recurring tasks (one execution per cluster, wherever it runs): 盯盘 alerts
 * every {@code alert-every} minutes inside trading hours, 复盘 at {@code recap-at}, both on trading days only and only
 * once the market data has the day; and, when configured, the securities-master refresh. What each tick does is a
 * plain method taking the time, so tests run a "scheduled" tick at any instant.
 */
final class ContentSchedule {

    private static final Logger log = LoggerFactory.getLogger(ContentSchedule.class);
    static final String ALERTS_TASK = "content-alerts";
    static final String RECAP_TASK = "content-recap";
    static final String MASTER_TASK = "securities-master-refresh";

    /** Starts a run, as {@link CommentaryJobs#start} does. */
    interface Starter {
        RunView start(LocalDate date, String universe, Set<ArticleType> types);
    }

    private final ScheduleProperties props;
    private final MarketDataSource market;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final Runnable masterRefresh;
    private final Duration masterEvery;

    /** @param masterRefresh null, or what reloads the securities master every {@code masterEvery} */
    ContentSchedule(ScheduleProperties props, MarketDataSource market, TradingCalendar calendar, Clock clock,
                    Runnable masterRefresh, Duration masterEvery) {
        this.props = props;
        this.market = market;
        this.calendar = calendar;
        this.clock = clock;
        this.masterRefresh = masterRefresh;
        this.masterEvery = masterEvery;
    }

    /** The recurring tasks to start with the scheduler (none when the schedule is off and no refresh is set). */
    List<RecurringTask<Void>> tasks(Starter starter) {
        List<RecurringTask<Void>> out = new ArrayList<>();
        if (props.enabled()) {
            long every = props.alertEvery().toMinutes();
            out.add(Tasks.recurring(ALERTS_TASK, Schedules.cron("0 0/" + every + " 9-15 * * MON-FRI", props.zone()))
                    .execute((inst, ctx) -> alertsTick(now(), starter)));
            LocalTime at = props.recapAt();
            out.add(Tasks.recurring(RECAP_TASK, Schedules.cron("0 " + at.getMinute() + " " + at.getHour()
                    + " * * MON-FRI", props.zone())).execute((inst, ctx) -> recapTick(now(), starter)));
        }
        if (masterRefresh != null && !masterEvery.isZero()) {
            out.add(Tasks.recurring(MASTER_TASK, Schedules.fixedDelay(masterEvery))
                    .execute((inst, ctx) -> masterRefresh.run()));
        }
        return out;
    }

    /** One 盯盘 tick: a run of alert articles when {@code now} is inside a trading session with data for the day. */
    Optional<RunView> alertsTick(ZonedDateTime now, Starter starter) {
        if (!inSession(now.toLocalTime())) {
            return Optional.empty();
        }
        return run(now.toLocalDate(), types(props.alertTypes()), "alerts", starter);
    }

    /** One 复盘 tick: the after-close run of the day, on a trading day with the day's data. */
    Optional<RunView> recapTick(ZonedDateTime now, Starter starter) {
        return run(now.toLocalDate(), types(props.recapTypes()), "recap", starter);
    }

    /** 09:30–11:30 and 13:00–15:00, both ends included (the last alert of a session sees its close). */
    static boolean inSession(LocalTime t) {
        return !t.isBefore(LocalTime.of(9, 30)) && !t.isAfter(LocalTime.of(11, 30))
                || !t.isBefore(LocalTime.of(13, 0)) && !t.isAfter(LocalTime.of(15, 0));
    }

    private Optional<RunView> run(LocalDate day, Set<ArticleType> types, String what, Starter starter) {
        if (!calendar.isTradingDay(day)) {
            log.debug("Scheduled {} skipped: {} is not a trading day", what, day);
            return Optional.empty();
        }
        LocalDate latest;
        try {
            latest = market.latestTradingDate();
        } catch (MarketDataException e) {
            log.warn("Scheduled {} for {} skipped: market data unavailable ({})", what, day, e.getMessage());
            return Optional.empty();
        }
        if (!latest.equals(day)) {
            log.info("Scheduled {} for {} skipped: the market data's latest day is {}", what, day, latest);
            return Optional.empty();
        }
        RunView run = starter.start(day, props.universe(), types);
        log.info("Scheduled {} run {} for {}: {} articles", what, run.id(), day, run.total());
        return Optional.of(run);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(props.zone()));
    }

    private static Set<ArticleType> types(List<String> ids) {
        Set<ArticleType> out = EnumSet.noneOf(ArticleType.class);
        ids.forEach(t -> out.add(ArticleType.of(t)));
        return out;
    }
}
