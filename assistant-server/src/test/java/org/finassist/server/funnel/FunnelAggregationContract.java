package org.finassist.server.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.server.funnel.FunnelEvent.StepCompleted;
import org.finassist.server.funnel.FunnelEvent.StepEntered;
import org.finassist.server.funnel.FunnelScreen.DayFigures;
import org.finassist.server.funnel.FunnelScreen.ReasonCount;
import org.finassist.server.funnel.FunnelScreen.StepFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The screen's figures against a hand-counted event set, run on every database the funnel supports. Seven
 * sessions, Asia/Shanghai, "now" 2026-03-10 15:00, abandonment after 30 minutes of silence:
 * <pre>
 * A wechat   03-10 09:00 phone failed smsCode.FORMAT 09:01, phone done 09:02, photo rejected (blur) 09:03, silent
 * B wechat   03-10 10:00 one step a minute, submitted 10:11
 * C douyin   03-10 11:00 phone failed mobile.FORMAT 11:00:30, silent
 * D douyin   03-10 14:50 silent for 10 minutes only: in progress, not abandoned
 * E direct   03-09 23:50 one step each 2 minutes from 23:50, submitted 03-10 00:12 (spans midnight)
 * F app_store 03-09 20:00 silent at the first step, no failure
 * G wechat   03-05 12:00 one step a minute, submitted 12:11
 * </pre>
 */
abstract class FunnelAggregationContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration IDLE = Duration.ofMinutes(30);
    static final List<String> STEPS = StepCatalog.of(OpeningSteps.standard()).ids();

    FunnelDb db;
    MutableClock clock;
    JdbcFunnelRecorder recorder;
    FunnelQueries queries;
    FunnelStore store;

    abstract FunnelDb database();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    @BeforeEach
    void setUp() {
        db = database();
        store = db.store();
        clock = new MutableClock(at("2026-03-10T15:00:00"));
        ExperimentSplit off = new ExperimentSplit(false, 0.5, "x");
        StepCatalog catalog = StepCatalog.of(OpeningSteps.standard());
        recorder = new JdbcFunnelRecorder(store, catalog, off, clock);
        queries = new FunnelQueries(db.jdbc(), catalog, off, ZONE, clock);
    }

    private void start(String id, String channel, String when) {
        clock.set(at(when));
        recorder.start(id, channel);
        recorder.record(id, new StepEntered(STEPS.getFirst()));
    }

    private void event(String id, String when, FunnelEvent e) {
        clock.set(at(when));
        recorder.record(id, e);
    }

    /** Completes every step, one each {@code minutes}, as the guide reports it, then submits. */
    private void walkAll(String id, String from, int minutes) {
        LocalDateTime t = LocalDateTime.parse(from);
        for (int i = 0; i < STEPS.size(); i++) {
            t = t.plusMinutes(minutes);
            event(id, t.toString(), new StepCompleted(STEPS.get(i)));
            event(id, t.toString(), i + 1 < STEPS.size() ? new StepEntered(STEPS.get(i + 1)) : new FunnelEvent.Submitted());
        }
    }

    private void handCountedSessions() {
        start("A", "wechat", "2026-03-10T09:00:00");
        event("A", "2026-03-10T09:01:00", new FunnelEvent.ValidationFailed("phone", "smsCode.FORMAT"));
        event("A", "2026-03-10T09:02:00", new StepCompleted("phone"));
        event("A", "2026-03-10T09:02:00", new StepEntered("idCard"));
        event("A", "2026-03-10T09:03:00", new FunnelEvent.PhotoRejected("blur"));
        start("B", "WeChat", "2026-03-10T10:00:00");
        walkAll("B", "2026-03-10T10:00:00", 1);
        start("C", "douyin", "2026-03-10T11:00:00");
        event("C", "2026-03-10T11:00:30", new FunnelEvent.ValidationFailed("phone", "mobile.FORMAT"));
        start("D", "douyin", "2026-03-10T14:50:00");
        start("E", null, "2026-03-09T23:50:00");
        walkAll("E", "2026-03-09T23:50:00", 2);
        start("F", "app_store", "2026-03-09T20:00:00");
        start("G", "wechat", "2026-03-05T12:00:00");
        walkAll("G", "2026-03-05T12:00:00", 1);
        clock.set(at("2026-03-10T15:00:00"));
        store.sweepAbandoned(clock.millis() - IDLE.toMillis(), IDLE.toMillis(), 100);
    }

    @Test
    void todaysCohortMatchesTheHandCount() {
        handCountedSessions();
        FunnelScreen s = queries.screen("today", false);
        assertThat(s.totals()).isEqualTo(FunnelScreen.Totals.of(4, 1, 2));
        assertThat(s.totals().openingRate()).isEqualTo(0.25);
        assertThat(s.channels()).extracting(c -> c.channel() + ":" + c.leads() + "/" + c.submitted())
                .containsExactly("douyin:2/0", "wechat:2/1");
        StepFigures phone = s.steps().get(0);
        assertThat(List.of(phone.entered(), phone.completed(), phone.abandoned())).containsExactly(4L, 2L, 1L);
        assertThat(phone.conversion()).isEqualTo(0.5);
        assertThat(phone.dropOut()).isEqualTo(0.25);
        assertThat(phone.medianSeconds()).as("A took 120 s, B 60 s").isCloseTo(90.0, within(1e-9));
        assertThat(phone.topReasons()).containsExactly(new ReasonCount("mobile.FORMAT", 1));
        StepFigures idCard = s.steps().get(1);
        assertThat(List.of(idCard.entered(), idCard.completed(), idCard.abandoned())).containsExactly(2L, 1L, 1L);
        assertThat(idCard.topReasons()).containsExactly(new ReasonCount("blur", 1));
        for (StepFigures f : s.steps().subList(2, STEPS.size())) {
            assertThat(List.of(f.entered(), f.completed(), f.abandoned())).as(f.step()).containsExactly(1L, 1L, 0L);
            assertThat(f.medianSeconds()).isEqualTo(60.0);
        }
    }

    @Test
    void daysCountEventsOnTheirOwnDayAndCohortsOnTheStartDay() {
        handCountedSessions();
        FunnelScreen s = queries.screen("today", false);
        Map<String, DayFigures> days = s.days().stream().collect(java.util.stream.Collectors.toMap(DayFigures::day, d -> d));
        assertThat(s.days()).hasSize(8);
        assertThat(s.days().getFirst().day()).isEqualTo("2026-03-03");
        DayFigures before = days.get("2026-03-09");
        assertThat(List.of(before.started(), before.submitted(), before.abandoned(), before.cohortSubmitted()))
                .as("E starts on the 9th and submits on the 10th; F abandoned on the 9th").containsExactly(2L, 0L, 1L, 1L);
        assertThat(before.cohortOpeningRate()).isEqualTo(0.5);
        DayFigures today = days.get("2026-03-10");
        assertThat(List.of(today.started(), today.submitted(), today.abandoned(), today.cohortSubmitted()))
                .containsExactly(4L, 2L, 2L, 1L);
        DayFigures g = days.get("2026-03-05");
        assertThat(List.of(g.started(), g.submitted(), g.cohortSubmitted())).containsExactly(1L, 1L, 1L);
        assertThat(days.get("2026-03-06").started()).isZero();

        FunnelScreen.Comparison c = s.comparison();
        assertThat(c.today()).isEqualTo(FunnelScreen.Totals.of(4, 1, 2));
        assertThat(c.last7Days()).isEqualTo(FunnelScreen.Totals.of(3, 2, 1));
        assertThat(c.leadsPerDayLast7()).isCloseTo(3 / 7.0, within(1e-12));
        assertThat(c.submittedPerDayLast7()).isCloseTo(1 / 7.0, within(1e-12));

        FunnelScreen last7 = queries.screen("7d", false);
        assertThat(last7.totals()).isEqualTo(FunnelScreen.Totals.of(3, 2, 1));
        assertThat(last7.channels()).extracting(x -> x.channel() + ":" + x.leads() + "/" + x.submitted())
                .containsExactly("app_store:1/0", "direct:1/1", "wechat:1/1");
        assertThat(last7.steps().get(0).topReasons()).as("F left without an error")
                .containsExactly(new ReasonCount("none", 1));
        assertThat(last7.steps().get(0).medianSeconds()).as("E 120 s, G 60 s").isCloseTo(90.0, within(1e-9));
    }

    @Test
    void hoursOfTodayAgainstTheSevenDayAverage() {
        handCountedSessions();
        var hours = queries.screen("today", false).hours();
        assertThat(hours).hasSize(24);
        assertThat(List.of(hours.get(0).started(), hours.get(0).submitted())).as("E submitted 00:12")
                .containsExactly(0L, 1L);
        assertThat(List.of(hours.get(9).started(), hours.get(9).abandoned())).as("A abandoned 09:33")
                .containsExactly(1L, 1L);
        assertThat(List.of(hours.get(10).started(), hours.get(10).submitted())).containsExactly(1L, 1L);
        assertThat(List.of(hours.get(11).started(), hours.get(11).abandoned())).containsExactly(1L, 1L);
        assertThat(hours.get(14).started()).isEqualTo(1);
        assertThat(hours.get(23).startedAvg7()).isCloseTo(1 / 7.0, within(1e-12));
        assertThat(hours.get(20).startedAvg7()).isCloseTo(1 / 7.0, within(1e-12));
        assertThat(hours.get(12).submittedAvg7()).isCloseTo(1 / 7.0, within(1e-12));
        assertThat(hours.get(9).startedAvg7()).isZero();
    }

    @Test
    void abandonmentNeedsTheConfiguredSilenceAndIsClearedByNewActivity() {
        start("H", "baidu", "2026-03-10T12:00:00");
        clock.set(at("2026-03-10T12:29:59"));
        assertThat(store.sweepAbandoned(clock.millis() - IDLE.toMillis(), IDLE.toMillis(), 10)).isZero();
        clock.set(at("2026-03-10T13:00:00"));
        assertThat(store.sweepAbandoned(clock.millis() - IDLE.toMillis(), IDLE.toMillis(), 10)).isEqualTo(1);
        assertThat(store.sweepAbandoned(clock.millis() - IDLE.toMillis(), IDLE.toMillis(), 10))
                .as("a second sweep (another node) marks nothing").isZero();
        assertThat(db.jdbc().queryForObject("SELECT at_millis FROM funnel_event WHERE kind = 'abandoned'", Long.class))
                .isEqualTo(at("2026-03-10T12:30:00").toEpochMilli());
        event("H", "2026-03-10T13:05:00", new StepCompleted("phone"));
        event("H", "2026-03-10T13:05:00", new StepEntered("idCard"));
        clock.set(at("2026-03-10T13:10:00"));
        assertThat(queries.screen("today", false).totals().abandoned()).as("back after the sweep").isZero();
        clock.set(at("2026-03-10T15:00:00"));
        store.sweepAbandoned(clock.millis() - IDLE.toMillis(), IDLE.toMillis(), 10);
        FunnelScreen s = queries.screen("today", false);
        assertThat(s.totals().abandoned()).isEqualTo(1);
        assertThat(s.steps().get(1).abandoned()).as("abandoned again, now at the ID card").isEqualTo(1);
        assertThat(s.steps().get(0).abandoned()).isZero();
        assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM funnel_event WHERE kind = 'abandoned'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void simulatedRowsNeverMixWithCustomers() {
        handCountedSessions();
        new FunnelSimulator(store, IDLE, ZONE).run(500, 3, clock.millis(), 7);
        assertThat(queries.screen("today", false).totals()).isEqualTo(FunnelScreen.Totals.of(4, 1, 2));
        FunnelScreen sim = queries.screen("today", true);
        assertThat(sim.simulated()).isTrue();
        assertThat(sim.totals().started()).isBetween(50L, 400L);
        assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM funnel_session WHERE simulated AND session_id NOT LIKE 'sim-%'",
                Integer.class)).isZero();
    }

    /** The simulator writes in batches what the live recorder would write event by event: replayed, the rows agree. */
    @Test
    void theSimulatorsBatchRowsEqualTheLiveRecordersRows() {
        new FunnelSimulator(store, IDLE, ZONE).run(200, 2, clock.millis(), 11);
        List<EventRow> events = db.jdbc().query("SELECT session_id, at_millis, kind, step_index, reason FROM funnel_event "
                + "ORDER BY event_id", (rs, i) -> new EventRow(rs.getString(1), rs.getLong(2), EventKind.of(rs.getString(3)),
                        (Integer) rs.getObject(4), rs.getString(5)));
        String sessions = dump("SELECT session_id, channel, arm, started_at_millis, last_activity_millis, "
                + "submitted_at_millis, abandoned_at_millis, abandoned_step FROM funnel_session ORDER BY session_id");
        String steps = dump("SELECT session_id, step_index, simulated, started_at_millis, abandoned, entered_at_millis, completed_at_millis, failures, last_reason "
                + "FROM funnel_step ORDER BY session_id, step_index");
        Map<String, String[]> meta = new java.util.HashMap<>();
        db.jdbc().query("SELECT session_id, channel, arm FROM funnel_session", rs -> {
            meta.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        db.jdbc().execute("DELETE FROM funnel_step");
        db.jdbc().execute("DELETE FROM funnel_session");
        db.jdbc().execute("DELETE FROM funnel_event");
        for (EventRow e : events) {
            String[] m = meta.get(e.sessionId());
            if (e.kind() == EventKind.STARTED) {
                store.start(new SessionTally(e.sessionId(), m[0], Arm.of(m[1]), true, e.atMillis()));
            } else {
                store.append(e.sessionId(), e, null);
            }
        }
        assertThat(dump("SELECT session_id, channel, arm, started_at_millis, last_activity_millis, submitted_at_millis, "
                + "abandoned_at_millis, abandoned_step FROM funnel_session ORDER BY session_id")).isEqualTo(sessions);
        assertThat(dump("SELECT session_id, step_index, simulated, started_at_millis, abandoned, entered_at_millis, completed_at_millis, failures, last_reason "
                + "FROM funnel_step ORDER BY session_id, step_index")).isEqualTo(steps);
        assertThat(events.size()).isGreaterThan(200 * 3);
    }

    @Test
    void theDailyReportIsWrittenOnceForYesterday(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        handCountedSessions();
        DailyReportJob job = new DailyReportJob(db.jdbc(), queries, clock, dir);
        assertThat(job.run()).contains(java.time.LocalDate.parse("2026-03-09"));
        assertThat(new DailyReportJob(db.jdbc(), queries, clock, dir).run()).as("another node: already written").isEmpty();
        String md = java.nio.file.Files.readString(dir.resolve("funnel-2026-03-09.md"));
        assertThat(md).contains("Sessions started: 2; submitted: 1; abandoned: 1; opening rate (submitted / started): 50.0%")
                .contains("| 1 | Phone verification | 2 | 1 | 50.0% | 1 | 50.0% | 120.0 | none (1) |")
                .contains("| app_store | 1 | 0 | 0.0% |").doesNotContain("SIMULATED");
        String html = job.report(java.time.LocalDate.parse("2026-03-09")).orElseThrow().html();
        assertThat(html).contains("<td>Phone verification</td>").contains("<th>step</th>").doesNotContain("|");
        String csv = FunnelCsv.steps(queries.screen("today", false));
        assertThat(csv.split("\r\n")).hasSize(12);
        assertThat(csv).contains("1,phone,Phone verification,4,2,0.5000,1,0.2500,90.0000,mobile.FORMAT=1\r\n");
        assertThat(FunnelCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    private String dump(String sql) {
        StringBuilder out = new StringBuilder();
        db.jdbc().query(sql, rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(rs.getObject(i)).append('|');
            }
            out.append('\n');
        });
        return out.toString();
    }
}
