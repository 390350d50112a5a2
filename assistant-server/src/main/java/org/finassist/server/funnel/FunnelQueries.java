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
 * day buckets), so that every node answers alike. Six queries per screen. Buckets use the zone's offset at the
 * time of the query: right for zones without daylight saving, such as the default Asia/Shanghai.
 */
final class FunnelQueries {

    private static final String COHORT = " s.simulated = ? AND s.started_at_millis >= ? AND s.started_at_millis < ?";
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

    FunnelScreen screen(Window w, boolean simulated, Instant now) {
        List<ChannelFigures> channels = channels(w, simulated);
        long started = channels.stream().mapToLong(ChannelFigures::leads).sum();
        long submitted = channels.stream().mapToLong(ChannelFigures::submitted).sum();
        List<StepFigures> steps = steps(w, simulated);
        long abandoned = steps.stream().mapToLong(StepFigures::abandoned).sum();
        long midnight = Window.startOfDay(now, zone);
        List<DayFigures> days = days(midnight, simulated);
        return new FunnelScreen(now.toString(), zone.getId(), simulated, w.name(), Instant.ofEpochMilli(w.from()).toString(),
                Instant.ofEpochMilli(w.to()).toString(), Totals.of(started, submitted, abandoned), steps, channels,
                comparison(days), hours(midnight, simulated), days,
                new FunnelScreen.ExperimentFigures(split.enabled(), split.guidedShare(), experiment(w, simulated)));
    }

    private long offset(long at) {
        return zone.getRules().getOffset(Instant.ofEpochMilli(at)).getTotalSeconds() * 1000L;
    }

    List<ChannelFigures> channels(Window w, boolean simulated) {
        return jdbc.query("SELECT s.channel, COUNT(*), COUNT(s.submitted_at_millis) FROM funnel_session s WHERE" + COHORT
                + " GROUP BY s.channel ORDER BY COUNT(*) DESC, s.channel",
                (rs, i) -> new ChannelFigures(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        FunnelScreen.rate(rs.getLong(3), rs.getLong(2))), simulated, w.from(), w.to());
    }

    ExperimentStats.Comparison experiment(Window w, boolean simulated) {
        Map<String, long[]> arms = new HashMap<>();
        jdbc.query("SELECT s.arm, COUNT(*), COUNT(s.submitted_at_millis) FROM funnel_session s WHERE" + COHORT
                + " GROUP BY s.arm", rs -> {
                    arms.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, simulated, w.from(), w.to());
        long[] g = arms.getOrDefault(Arm.GUIDED.code(), new long[2]);
        long[] c = arms.getOrDefault(Arm.CONTROL.code(), new long[2]);
        return ExperimentStats.compare(g[0], g[1], c[0], c[1]);
    }

    List<StepFigures> steps(Window w, boolean simulated) {
        Map<Integer, List<ReasonCount>> reasons = reasons(w, simulated);
        Map<Integer, StepFigures> byIndex = new HashMap<>();
        jdbc.query("SELECT st.step_index, COUNT(*), COUNT(st.completed_at_millis), "
                + "SUM(CASE WHEN s.abandoned_step = st.step_index THEN 1 ELSE 0 END), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY st.completed_at_millis - st.entered_at_millis) "
                + "FROM funnel_session s JOIN funnel_step st ON st.session_id = s.session_id WHERE" + COHORT
                + " GROUP BY st.step_index", rs -> {
                    int i = rs.getInt(1);
                    long entered = rs.getLong(2);
                    long completed = rs.getLong(3);
                    long abandoned = rs.getLong(4);
                    double median = rs.getDouble(5);
                    Double seconds = rs.wasNull() ? null : median / 1000.0;
                    if (i >= 0 && i < catalog.size()) {
                        byIndex.put(i, new StepFigures(i, catalog.id(i), catalog.titles().get(i), entered, completed,
                                abandoned, FunnelScreen.rate(completed, entered), FunnelScreen.rate(abandoned, entered),
                                seconds, reasons.getOrDefault(i, List.of())));
                    }
                }, simulated, w.from(), w.to());
        List<StepFigures> out = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            out.add(byIndex.getOrDefault(i, new StepFigures(i, catalog.id(i), catalog.titles().get(i), 0, 0, 0,
                    null, null, null, List.of())));
        }
        return out;
    }

    /** Per step, the reasons of sessions abandoned there, most sessions first; top three. */
    private Map<Integer, List<ReasonCount>> reasons(Window w, boolean simulated) {
        Map<Integer, List<ReasonCount>> all = new HashMap<>();
        jdbc.query("SELECT s.abandoned_step, COALESCE(st.last_reason, 'none'), COUNT(*) FROM funnel_session s "
                + "LEFT JOIN funnel_step st ON st.session_id = s.session_id AND st.step_index = s.abandoned_step WHERE"
                + COHORT + " AND s.abandoned_step IS NOT NULL GROUP BY s.abandoned_step, COALESCE(st.last_reason, 'none')",
                rs -> {
                    all.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new ReasonCount(rs.getString(2), rs.getLong(3)));
                }, simulated, w.from(), w.to());
        all.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingLong(ReasonCount::sessions).reversed()
                .thenComparing(ReasonCount::reason)).limit(TOP_REASONS).toList());
        return all;
    }

    /** Today's hours by event time, each with its average over the seven days before. */
    List<HourFigures> hours(long midnight, boolean simulated) {
        long from = midnight - 7 * Window.DAY;
        long off = offset(midnight);
        long[][] today = new long[24][3];
        long[][] before = new long[24][3];
        jdbc.query("SELECT (at_millis + " + off + ") / 3600000, kind, COUNT(*) FROM funnel_event WHERE simulated = ? "
                + "AND kind IN ('started', 'submitted', 'abandoned') AND at_millis >= ? AND at_millis < ? "
                + "GROUP BY (at_millis + " + off + ") / 3600000, kind", rs -> {
                    long hourStart = rs.getLong(1) * 3_600_000L - off;
                    int hour = (int) Math.floorMod(rs.getLong(1), 24L);
                    int k = switch (EventKind.of(rs.getString(2))) {
                        case STARTED -> 0;
                        case SUBMITTED -> 1;
                        default -> 2;
                    };
                    (hourStart >= midnight ? today : before)[hour][k] += rs.getLong(3);
                }, simulated, from, midnight + Window.DAY);
        List<HourFigures> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            out.add(new HourFigures(h, today[h][0], today[h][1], today[h][2], before[h][0] / 7.0, before[h][1] / 7.0));
        }
        return out;
    }

    /** The seven days before today and today, by event time and as start-day cohorts. */
    List<DayFigures> days(long midnight, boolean simulated) {
        long from = midnight - 7 * Window.DAY;
        long to = midnight + Window.DAY;
        long off = offset(midnight);
        Map<Long, long[]> events = new HashMap<>();
        jdbc.query("SELECT (at_millis + " + off + ") / 86400000, kind, COUNT(*) FROM funnel_event WHERE simulated = ? "
                + "AND kind IN ('started', 'submitted', 'abandoned') AND at_millis >= ? AND at_millis < ? "
                + "GROUP BY (at_millis + " + off + ") / 86400000, kind", rs -> {
                    long[] v = events.computeIfAbsent(rs.getLong(1), k -> new long[3]);
                    int k = switch (EventKind.of(rs.getString(2))) {
                        case STARTED -> 0;
                        case SUBMITTED -> 1;
                        default -> 2;
                    };
                    v[k] += rs.getLong(3);
                }, simulated, from, to);
        Map<Long, long[]> cohorts = new HashMap<>();
        jdbc.query("SELECT (started_at_millis + " + off + ") / 86400000, COUNT(*), COUNT(submitted_at_millis) "
                + "FROM funnel_session WHERE simulated = ? AND started_at_millis >= ? AND started_at_millis < ? "
                + "GROUP BY (started_at_millis + " + off + ") / 86400000", rs -> {
                    cohorts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, simulated, from, to);
        List<DayFigures> out = new ArrayList<>();
        for (long day = (from + off) / Window.DAY; day < (to + off) / Window.DAY; day++) {
            long[] e = events.getOrDefault(day, new long[3]);
            long[] c = cohorts.getOrDefault(day, new long[2]);
            out.add(new DayFigures(LocalDate.ofEpochDay(day).toString(), e[0], e[1], e[2], c[1],
                    FunnelScreen.rate(c[1], c[0])));
        }
        return out;
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
