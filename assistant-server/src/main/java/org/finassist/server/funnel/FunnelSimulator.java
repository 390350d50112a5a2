package org.finassist.server.funnel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.finassist.server.funnel.SimulatedTraffic.StepModel;

/**
 * A traffic simulator, clearly labelled: every session and event it writes has {@code simulated = true}, ids start
 * with {@code sim-}, and the screen shows simulated figures only when asked, under a banner. It walks sessions
 * through the guide with the drop-out of {@link SimulatedTraffic}, guidance split 50/50, start times spread over the
 * last {@code days} days by hour of day, and writes them through {@link SessionTally} as the live recorder would.
 */
final class FunnelSimulator {

    private static final int BATCH = 1000;

    private final FunnelStore store;
    private final Duration abandonAfter;
    private final ZoneId zone;

    FunnelSimulator(FunnelStore store, Duration abandonAfter, ZoneId zone) {
        this.store = store;
        this.abandonAfter = abandonAfter;
        this.zone = zone;
    }

    /** What one run wrote. */
    record Run(int sessions, long events, long submitted) {
    }

    /** Writes {@code sessions} sessions started in the {@code days} days up to {@code nowMillis}. */
    Run run(int sessions, int days, long nowMillis, long seed) {
        Random random = new Random(seed);
        ExperimentSplit split = new ExperimentSplit(true, 0.5, "simulated");
        List<SessionTally> batch = new ArrayList<>();
        Map<String, List<EventRow>> events = new HashMap<>();
        long written = 0;
        long submitted = 0;
        for (int n = 0; n < sessions; n++) {
            String id = "sim-" + new UUID(random.nextLong(), random.nextLong());
            List<EventRow> rows = new ArrayList<>();
            SessionTally t = walk(id, split.arm(id), random, start(random, days, nowMillis), nowMillis, rows);
            batch.add(t);
            events.put(id, rows);
            written += rows.size();
            submitted += t.submittedAt == null ? 0 : 1;
            if (batch.size() == BATCH) {
                store.insertAll(batch, events);
                batch.clear();
                events.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.insertAll(batch, events);
        }
        return new Run(sessions, written, submitted);
    }

    private SessionTally walk(String id, Arm arm, Random r, long start, long now, List<EventRow> rows) {
        String channel = channel(r);
        double channelDrop = SimulatedTraffic.CHANNELS.get(channel)[1];
        SessionTally t = new SessionTally(id, channel, arm, true, start);
        long at = start;
        emit(t, rows, EventKind.STARTED, null, null, at);
        for (int step = 0; step < SimulatedTraffic.STEPS.size(); step++) {
            StepModel m = SimulatedTraffic.STEPS.get(step);
            emit(t, rows, EventKind.STEP_ENTERED, step, null, at);
            double drop = (1 - m.proceed()) * channelDrop * (arm.guidance() ? SimulatedTraffic.GUIDANCE_DROP_FACTOR : 1);
            boolean proceeds = r.nextDouble() >= drop;
            long spent = (long) (m.medianSeconds() * 1000 * Math.exp(0.6 * r.nextGaussian()));
            if (r.nextDouble() < (proceeds ? SimulatedTraffic.FAIL_IF_PROCEEDING : SimulatedTraffic.FAIL_IF_DROPPING)) {
                int failures = 1 + (r.nextDouble() < 0.3 ? 1 : 0);
                for (int f = 1; f <= failures; f++) {
                    String reason = m.reasons().get(r.nextInt(m.reasons().size()));
                    emit(t, rows, failureKind(step), step, reason, at + spent * f / (failures + 1));
                }
            }
            if (step == 9 && proceeds) {
                if (r.nextDouble() < 0.08) {
                    emit(t, rows, EventKind.WITNESS_ESCALATED, step, "witness.answer_unclear", at + spent / 2);
                }
                emit(t, rows, EventKind.WITNESS_PASSED, step, null, at + spent - 1000);
            }
            if (proceeds && at + spent > now) {
                return t;
            }
            if (!proceeds) {
                long abandonedAt = t.lastActivity + abandonAfter.toMillis();
                if (abandonedAt <= now) {
                    emit(t, rows, EventKind.ABANDONED, step, null, abandonedAt);
                }
                return t;
            }
            at += spent;
            emit(t, rows, EventKind.STEP_COMPLETED, step, null, at);
        }
        emit(t, rows, EventKind.SUBMITTED, SimulatedTraffic.STEPS.size() - 1, null, at);
        return t;
    }

    private static EventKind failureKind(int step) {
        return switch (step) {
            case 1 -> EventKind.PHOTO_REJECTED;
            case 9 -> EventKind.WITNESS_FAILED;
            default -> EventKind.VALIDATION_FAILED;
        };
    }

    private static void emit(SessionTally t, List<EventRow> rows, EventKind kind, Integer step, String reason, long at) {
        t.apply(kind, step, reason, at);
        rows.add(new EventRow(t.sessionId, at, kind, step, reason));
    }

    private static String channel(Random r) {
        double x = r.nextDouble();
        String last = Channels.DIRECT;
        for (var e : SimulatedTraffic.CHANNELS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            x -= e.getValue()[0];
            last = e.getKey();
            if (x < 0) {
                break;
            }
        }
        return last;
    }

    /** A start time in the last {@code days} days, shaped by hour of day, never in the future. */
    private long start(Random r, int days, long now) {
        double total = 0;
        for (double h : SimulatedTraffic.HOURLY) {
            total += h;
        }
        while (true) {
            double x = r.nextDouble() * total;
            int hour = 0;
            while (x >= SimulatedTraffic.HOURLY[hour] && hour < 23) {
                x -= SimulatedTraffic.HOURLY[hour];
                hour++;
            }
            long dayStart = Window.startOfDay(Instant.ofEpochMilli(now), zone)
                    - (long) r.nextInt(Math.max(1, days)) * Window.DAY;
            long t = dayStart + hour * 3_600_000L + (long) (r.nextDouble() * 3_600_000L);
            if (t <= now) {
                return t;
            }
        }
    }
}
