package org.finassist.server.funnel;

import java.util.Map;
import java.util.TreeMap;

/**
 * One session's projection of its events: the {@code funnel_session} row and its {@code funnel_step} rows. The one
 * place that says what an event does to them, used by the live recorder (load, apply, write back) and by the
 * simulator (apply a whole session, then batch-insert), so both write the same rows for the same events.
 */
final class SessionTally {

    /** One step reached by the session. */
    static final class Step {
        final long enteredAt;
        Long completedAt;
        int failures;
        String lastReason;
        boolean abandoned;
        final boolean fresh;
        boolean dirty;

        Step(long enteredAt, Long completedAt, int failures, String lastReason, boolean abandoned, boolean fresh) {
            this.enteredAt = enteredAt;
            this.completedAt = completedAt;
            this.failures = failures;
            this.lastReason = lastReason;
            this.abandoned = abandoned;
            this.fresh = fresh;
            this.dirty = fresh;
        }
    }

    final String sessionId;
    final String channel;
    final Arm arm;
    final boolean simulated;
    final long startedAt;
    long lastActivity;
    Long submittedAt;
    Long abandonedAt;
    Integer abandonedStep;
    final Map<Integer, Step> steps = new TreeMap<>();

    SessionTally(String sessionId, String channel, Arm arm, boolean simulated, long startedAt) {
        this.sessionId = sessionId;
        this.channel = channel;
        this.arm = arm;
        this.simulated = simulated;
        this.startedAt = startedAt;
        this.lastActivity = startedAt;
    }

    /** Applies one event; {@code step} is the step's index or null. */
    void apply(EventKind kind, Integer step, String reason, long at) {
        if (abandonedStep != null && steps.get(abandonedStep) instanceof Step was) {
            was.abandoned = false;
            was.dirty = true;
        }
        if (kind == EventKind.ABANDONED) {
            abandonedAt = at;
            abandonedStep = step;
            if (step != null) {
                Step s = reach(step, at);
                s.abandoned = true;
                s.dirty = true;
            }
            return;
        }
        lastActivity = Math.max(lastActivity, at);
        abandonedAt = null;
        abandonedStep = null;
        Step s = step == null ? null : reach(step, at);
        switch (kind) {
            case STEP_COMPLETED -> {
                if (s.completedAt == null) {
                    s.completedAt = at;
                    s.dirty = true;
                }
            }
            case VALIDATION_FAILED, PHOTO_REJECTED, WITNESS_FAILED -> {
                s.failures++;
                s.lastReason = reason;
                s.dirty = true;
            }
            case SUBMITTED -> submittedAt = submittedAt == null ? at : submittedAt;
            default -> {
            }
        }
    }

    private Step reach(int step, long at) {
        return steps.computeIfAbsent(step, i -> new Step(at, null, 0, null, false, true));
    }

    /** Restores a step row read from the database. */
    void restore(int step, long enteredAt, Long completedAt, int failures, String lastReason, boolean abandoned) {
        steps.put(step, new Step(enteredAt, completedAt, failures, lastReason, abandoned, false));
    }

    /** The step the customer is on: the furthest reached, or the first when none is. */
    int currentStep() {
        return steps.isEmpty() ? 0 : ((TreeMap<Integer, Step>) steps).lastKey();
    }
}
