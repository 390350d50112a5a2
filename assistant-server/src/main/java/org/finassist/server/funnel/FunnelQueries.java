package org.finassist.server.funnel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finassist.server.funnel.FunnelScreen.ChannelFigures;
import org.finassist.server.funnel.FunnelScreen.Comparison;
import org.finassist.server.funnel.FunnelScreen.DayFigures;
import org.finassist.server.funnel.FunnelScreen.HourFigures;
import org.finassist.server.funnel.FunnelScreen.ReasonCount;
import org.finassist.server.funnel.FunnelScreen.StepFigures;
import org.finassist.server.funnel.FunnelScreen.Totals;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screen's figures, aggregated in SQL over the session projection (cohort figures) and the event log (hour and
 * day buckets), so that every node answers alike. Five queries per screen. Buckets use the zone's offset at the
 * time of the query: right for zones without daylight saving, such as the default Asia/Shanghai.
 */
final class FunnelQueries {

    private static final String COHORT = " s.simulated = ? AND s.started_at_millis >= ? AND s.started_at_millis < ?";
    private static final String STEP_COHORT = " simulated = ? AND started_at_millis >= ? AND started_at_millis < ?";
    private static final int TOP_REASONS = 3;

    private final JdbcTemplate jdbc;
    private final StepCatalog catalog;
    private final ExperimentSplit split;
    private final ZoneId zone;
    private final Clock clock;

    FunnelQueries(JdbcTemplate jdbc, StepCatalog catalog, ExperimentSplit split, ZoneId zone, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.split = split;
        this.zone = zone;
        this.clock = clock;
    }

    ZoneId zone() {
        return zone;
    }

    Clock clock() {
        return clock;
    }

    FunnelScreen screen(String range, boolean simulated) {
        Instant now = clock.instant();
        return screen(Window.named(range, now, zone), simulated, now);
    }

    /**
     * The five queries are independent and run at once on virtual threads (each takes its own pooled connection),
     * so the screen waits for the slowest one rather than for their sum.
     */
    FunnelScreen screen(Window w, boolean simulated, Instant now) {
        long midnight = Window.startOfDay(now, zone);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<CohortRow>> cohortF = pool.submit(() -> cohort(w, simulated));
            Future<Map<Integer, List<ReasonCount>>> reasonsF = pool.submit(() -> reasons(w, simulated));
            Future<Buckets> bucketsF = pool.submit(() -> buckets(midnight, simulated));
            List<StepFigures> steps = steps(w, simulated, reasonsF);
            List<CohortRow> cohort = get(cohortF);
            List<ChannelFigures> channels = channels(cohort);
            long started = channels.stream().mapToLong(ChannelFigures::leads).sum();
            long submitted = channels.stream().mapToLong(ChannelFigures::submitted).sum();
            long abandoned = steps.stream().mapToLong(StepFigures::abandoned).sum();
            Buckets buckets = get(bucketsF);
            List<DayFigures> days = buckets.days();
            return new FunnelScreen(now.toString(), zone.getId(), simulated, w.name(),
                    Instant.ofEpochMilli(w.from()).toString(), Instant.ofEpochMilli(w.to()).toString(),
                    Totals.of(started, submitted, abandoned), steps, channels, comparison(days), buckets.hours(), days,
                    new FunnelScreen.ExperimentFigures(split.enabled(), split.guidedShare(), experiment(cohort)));
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the funnel", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private long offset(long at) {
        return zone.getRules().getOffset(Instant.ofEpochMilli(at)).getTotalSeconds() * 1000L;
    }

    /** Sessions and submissions of the cohort by channel and arm: one scan for the channels and the experiment. */
    record CohortRow(String channel, Arm arm, long sessions, long submitted) {
    }

    List<CohortRow> cohort(Window w, boolean simulated) {
        return jdbc.query("SELECT s.channel, s.arm, COUNT(*), COUNT(s.submitted_at_millis) FROM funnel_session s WHERE"
                + COHORT + " GROUP BY s.channel, s.arm", (rs, i) -> new CohortRow(rs.getString(1),
                        Arm.of(rs.getString(2)), rs.getLong(3), rs.getLong(4)), simulated, w.from(), w.to());
    }

    static List<ChannelFigures> channels(List<CohortRow> rows) {
        Map<String, long[]> by = new HashMap<>();
        rows.forEach(r -> {
            long[] v = by.computeIfAbsent(r.channel(), k -> new long[2]);
            v[0] += r.sessions();
            v[1] += r.submitted();
        });
        return by.entrySet().stream().map(e -> new ChannelFigures(e.getKey(), e.getValue()[0], e.getValue()[1],
                FunnelScreen.rate(e.getValue()[1], e.getValue()[0])))
                .sorted(Comparator.comparingLong(ChannelFigures::leads).reversed().thenComparing(ChannelFigures::channel))
                .toList();
    }

    static ExperimentStats.Comparison experiment(List<CohortRow> rows) {
        long[] g = new long[2];
        long[] c = new long[2];
        rows.forEach(r -> {
            long[] v = r.arm() == Arm.GUIDED ? g : c;
            v[0] += r.sessions();
            v[1] += r.submitted();
        });
        return ExperimentStats.compare(g[0], g[1], c[0], c[1]);
    }

    /**
     * One query: per step, sessions by whole seconds from entering to completing (null: not completed) and how many
     * are abandoned there. The median comes from that histogram, to the second, because an exact PERCENTILE_CONT
     * sorts every row of the cohort (4 s for 700,000 step rows on the benchmark machine) where this hashes them.
     */
    List<StepFigures> steps(Window w, boolean simulated, Future<Map<Integer, List<ReasonCount>>> reasonsF) {
        int n = catalog.size();
        long[] entered = new long[n];
        long[] abandoned = new long[n];
        List<java.util.TreeMap<Long, Long>> seconds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seconds.add(new java.util.TreeMap<>());
        }
        jdbc.query("SELECT step_index, (completed_at_millis - entered_at_millis) / 1000, COUNT(*), "
                + "SUM(CASE WHEN abandoned THEN 1 ELSE 0 END) FROM funnel_step WHERE" + STEP_COHORT
                + " GROUP BY step_index, (completed_at_millis - entered_at_millis) / 1000", rs -> {
                    int i = rs.getInt(1);
                    if (i < 0 || i >= n) {
                        return;
                    }
                    long sec = rs.getLong(2);
                    boolean completed = !rs.wasNull();
                    entered[i] += rs.getLong(3);
                    abandoned[i] += rs.getLong(4);
                    if (completed) {
                        seconds.get(i).merge(sec, rs.getLong(3), Long::sum);
                    }
                }, simulated, w.from(), w.to());
        List<StepFigures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long completed = seconds.get(i).values().stream().mapToLong(Long::longValue).sum();
            out.add(new StepFigures(i, catalog.id(i), catalog.titles().get(i), entered[i], completed, abandoned[i],
                    FunnelScreen.rate(completed, entered[i]), FunnelScreen.rate(abandoned[i], entered[i]),
                    median(seconds.get(i), completed), List.of()));
        }
        Map<Integer, List<ReasonCount>> reasons = get(reasonsF);
        out.replaceAll(f -> new StepFigures(f.index(), f.step(), f.title(), f.entered(), f.completed(), f.abandoned(),
                f.conversion(), f.dropOut(), f.medianSeconds(), reasons.getOrDefault(f.index(), List.of())));
        return out;
    }

    /** The median of a histogram of {@code total} values, the mean of the two middle ones when the count is even. */
    static Double median(java.util.SortedMap<Long, Long> histogram, long total) {
        if (total == 0) {
            return null;
        }
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        Long low = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (low == null && seen > lowRank) {
                low = e.getKey();
            }
            if (seen > highRank) {
                return (low + e.getKey()) / 2.0;
            }
        }
        throw new IllegalStateException("histogram holds fewer than " + total + " values");
    }

    /** Per step, the reasons of sessions abandoned there, most sessions first; top three. */
    private Map<Integer, List<ReasonCount>> reasons(Window w, boolean simulated) {
        Map<Integer, List<ReasonCount>> all = new HashMap<>();
        jdbc.query("SELECT step_index, COALESCE(last_reason, 'none'), COUNT(*) FROM funnel_step WHERE" + STEP_COHORT
                + " AND abandoned GROUP BY step_index, COALESCE(last_reason, 'none')",
                rs -> {
                    all.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new ReasonCount(rs.getString(2), rs.getLong(3)));
                }, simulated, w.from(), w.to());
        all.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingLong(ReasonCount::sessions).reversed()
                .thenComparing(ReasonCount::reason)).limit(TOP_REASONS).toList());
        return all;
    }

    /**
     * The eight days up to the end of today in hours: starts and their eventual submissions by start hour (from the
     * sessions), submissions and abandonments by event hour (from the log). Two queries feed both the hour and the
     * day charts.
     */
    Buckets buckets(long midnight, boolean simulated) {
        long from = midnight - 7 * Window.DAY;
        long to = midnight + Window.DAY;
        long off = offset(midnight);
        long first = (from + off) / 3_600_000L;
        Buckets b = new Buckets(first);
        jdbc.query("SELECT (started_at_millis + " + off + ") / 3600000, COUNT(*), COUNT(submitted_at_millis) "
                + "FROM funnel_session WHERE simulated = ? AND started_at_millis >= ? AND started_at_millis < ? "
                + "GROUP BY (started_at_millis + " + off + ") / 3600000", rs -> {
                    int h = (int) (rs.getLong(1) - first);
                    b.started[h] += rs.getLong(2);
                    b.cohortSubmitted[h] += rs.getLong(3);
                }, simulated, from, to);
        jdbc.query("SELECT (at_millis + " + off + ") / 3600000, kind, COUNT(*) FROM funnel_event WHERE simulated = ? "
                + "AND kind IN ('submitted', 'abandoned') AND at_millis >= ? AND at_millis < ? "
                + "GROUP BY (at_millis + " + off + ") / 3600000, kind", rs -> {
                    int h = (int) (rs.getLong(1) - first);
                    (EventKind.of(rs.getString(2)) == EventKind.SUBMITTED ? b.submitted : b.abandoned)[h] += rs.getLong(3);
                }, simulated, from, to);
        return b;
    }

    /** 192 hours: the seven days before today, then today. */
    static final class Buckets {
        static final int HOURS = 8 * 24;
        final long[] started = new long[HOURS];
        final long[] cohortSubmitted = new long[HOURS];
        final long[] submitted = new long[HOURS];
        final long[] abandoned = new long[HOURS];
        final long firstHour;

        Buckets(long firstHour) {
            this.firstHour = firstHour;
        }

        List<HourFigures> hours() {
            List<HourFigures> out = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                long s7 = 0;
                long sub7 = 0;
                for (int d = 0; d < 7; d++) {
                    s7 += started[d * 24 + h];
                    sub7 += submitted[d * 24 + h];
                }
                int t = 7 * 24 + h;
                out.add(new HourFigures(h, started[t], submitted[t], abandoned[t], s7 / 7.0, sub7 / 7.0));
            }
            return out;
        }

        List<DayFigures> days() {
            List<DayFigures> out = new ArrayList<>();
            for (int d = 0; d < 8; d++) {
                long[] sum = new long[4];
                for (int h = d * 24; h < d * 24 + 24; h++) {
                    sum[0] += started[h];
                    sum[1] += submitted[h];
                    sum[2] += abandoned[h];
                    sum[3] += cohortSubmitted[h];
                }
                out.add(new DayFigures(LocalDate.ofEpochDay((firstHour + d * 24L) / 24).toString(), sum[0], sum[1],
                        sum[2], sum[3], FunnelScreen.rate(sum[3], sum[0])));
            }
            return out;
        }
    }

    private static Comparison comparison(List<DayFigures> days) {
        DayFigures today = days.getLast();
        long started = 0;
        long submitted = 0;
        long abandoned = 0;
        long cohortSubmitted = 0;
        for (DayFigures d : days.subList(0, days.size() - 1)) {
            started += d.started();
            submitted += d.submitted();
            abandoned += d.abandoned();
            cohortSubmitted += d.cohortSubmitted();
        }
        return new Comparison(Totals.of(today.started(), today.cohortSubmitted(), today.abandoned()),
                Totals.of(started, cohortSubmitted, abandoned), started / 7.0, submitted / 7.0);
    }
}
