package org.finassist.dh.session;

import org.finassist.core.privacy.PiiMasker;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.HashChain;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.EventKind;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.script.WitnessStep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One customer's witness: the state machine. Not thread-safe; the engine calls it under the session's monitor.
 * A handled frame's audit records and the new state are committed together by {@link #commit()} before the frames
 * it produced are sent, so whatever the runtime sees (an ack above all) is on record.
 */
final class WitnessSession {

    /** Acknowledged finals remembered to tell a resend from a regression; a resend is of a recent final. */
    private static final int RECENT_FINALS = 32;

    private final EngineContext ctx;
    private final String sessionId;
    private final String runtimeId;
    private final Applicant applicant;
    private final long startedAtMillis;
    private final List<Flag> flags;
    private final Deque<TranscriptLine> transcript;
    private SessionStatus status;
    private int stepIndex;
    private int attempts;
    private int offScript;
    private long lastSeq;
    private long utterances;
    private long stepStartedAtMillis;
    private String escalation;
    private boolean reviewed;
    private Outcome outcome;
    private long auditRecords;
    private String auditHead;
    private final List<AuditRecord> pending = new ArrayList<>();
    private final List<ServerFrame> outbox = new ArrayList<>();
    private String currentUtterance;
    /** The utterance id of the open question, the one an answer must reply to. */
    private String awaiting;
    /** When the open question was asked or (if the runtime reports it) finished playing; not persisted. */
    private long awaitingSinceMillis;
    private final Deque<SessionSnapshot.RecentFinal> recentFinals;
    private long version;

    WitnessSession(EngineContext ctx, SessionSnapshot s) {
        this.ctx = ctx;
        this.sessionId = s.sessionId();
        this.runtimeId = s.runtimeId();
        this.applicant = s.applicant();
        this.startedAtMillis = s.startedAtMillis();
        this.flags = new ArrayList<>(s.findings().flags());
        this.transcript = new ArrayDeque<>(s.findings().transcript());
        this.status = s.status();
        this.stepIndex = s.progress().stepIndex();
        this.attempts = s.progress().attempts();
        this.offScript = s.progress().offScript();
        this.lastSeq = s.speech().lastSeq();
        this.utterances = s.speech().utterances();
        this.awaiting = s.progress().awaiting();
        this.stepStartedAtMillis = s.progress().stepStartedAtMillis();
        this.escalation = s.progress().escalation();
        this.reviewed = s.progress().reviewed();
        this.outcome = s.progress().outcome();
        this.auditRecords = s.audit().auditRecords();
        this.auditHead = s.audit().auditHead();
        this.recentFinals = new ArrayDeque<>(s.speech().recentFinals());
        this.version = s.version();
        this.awaitingSinceMillis = ctx.clock().millis();
    }

    static SessionSnapshot fresh(String sessionId, String runtimeId, Applicant applicant, long now) {
        return new SessionSnapshot(sessionId, runtimeId, applicant, SessionStatus.ACTIVE, now,
                new SessionSnapshot.Progress(0, 0, 0, null, now, null, false, null),
                new SessionSnapshot.Speech(-1, 0, List.of()), new SessionSnapshot.Findings(List.of(), List.of()),
                new SessionSnapshot.AuditTrail(0, HashChain.GENESIS), 0);
    }

    String runtimeId() {
        return runtimeId;
    }

    String sessionId() {
        return sessionId;
    }

    SessionStatus status() {
        return status;
    }

    void start() {
        audit("session.joined", "runtime:" + runtimeId, Map.of("applicationId", applicant.applicationId()));
        WitnessStep first = ctx.script().step(0);
        show(first);
        say(List.of(ctx.texts().greeting(applicant), ctx.texts().question(first, applicant)), true, "agent");
    }

    void resume() {
        audit("runtime.resumed", "runtime:" + runtimeId, Map.of("step", currentStep().id()));
        if (status == SessionStatus.ACTIVE) {
            show(currentStep());
            say(List.of(ctx.texts().reask(applicant, "asked to repeat"), question()), true, "agent");
        }
    }

    /**
     * A seq already recorded with the same text (a resend after reconnect) is re-acknowledged only; any other seq
     * at or below the last one is a regression (the runtime restarted its counter) and is refused with the last
     * acknowledged seq, never acknowledged and dropped silently.
     */
    void onAsrFinal(long seq, String text, String replyTo) {
        if (seq <= lastSeq) {
            String digest = digest(text);
            if (recentFinals.stream().anyMatch(r -> r.seq() == seq && r.textDigest().equals(digest))) {
                send(new ServerFrame.Ack(sessionId, seq));
            } else {
                send(new ServerFrame.Error(org.finassist.dh.protocol.ErrorCode.SEQ_REGRESSION, "seq " + seq
                        + " is not above the last acknowledged seq " + lastSeq + " and is not a resend of it; "
                        + "rejoin with seqReset to restart the numbering", sessionId, "asr.final", lastSeq));
            }
            return;
        }
        lastSeq = seq;
        recentFinals.addLast(new SessionSnapshot.RecentFinal(seq, digest(text)));
        while (recentFinals.size() > RECENT_FINALS) {
            recentFinals.removeFirst();
        }
        boolean stale = replyTo != null && !replyTo.equals(awaiting);
        Map<String, String> data = new java.util.HashMap<>(Map.of("seq", Long.toString(seq), "text", text,
                "step", currentStep().id(), "stale", Boolean.toString(stale)));
        if (replyTo != null) {
            data.put("replyTo", replyTo);
        }
        audit("asr.final", "runtime:" + runtimeId, data);
        line("customer", text);
        send(new ServerFrame.Ack(sessionId, seq));
        if (status == SessionStatus.ACTIVE && !stale) {
            evaluate(text);
        }
    }

    /** The runtime lost its counters and rejoined with {@code seqReset}: its numbering starts again. */
    void resetSeq() {
        audit("seq.reset", "runtime:" + runtimeId, Map.of("previousLastSeq", Long.toString(lastSeq)));
        lastSeq = -1;
        recentFinals.clear();
    }

    /** The open question got no answer within the customer-silence limit: ask again (an unclear answer). */
    void onSilence(long silentMillis) {
        if (status != SessionStatus.ACTIVE || awaiting == null) {
            return;
        }
        audit("customer.silent", "engine", Map.of("step", currentStep().id(), "millis", Long.toString(silentMillis)));
        retry("no answer heard");
    }

    /** Millis the open question has waited for an answer, or -1 if none is open or the session is not active. */
    long silentFor(long now) {
        return status == SessionStatus.ACTIVE && awaiting != null ? now - awaitingSinceMillis : -1;
    }

    private static String digest(String text) {
        return Integer.toHexString(text.hashCode()) + ":" + text.length();
    }

    void onEvent(EventKind kind, String detail) {
        audit("event", "runtime:" + runtimeId, detail == null ? Map.of("kind", kind.wireName())
                : Map.of("kind", kind.wireName(), "detail", detail));
        flags.add(new Flag(kind.wireName(), detail, ctx.clock().millis()));
        if (kind == EventKind.CUSTOMER_LEFT) {
            end(Outcome.ABANDONED, "customer left", "runtime:" + runtimeId);
        } else if (kind.suspicious() && status == SessionStatus.ACTIVE) {
            escalate(kind.wireName() + " reported by the runtime");
        }
    }

    void onLeave(String reason) {
        end(Outcome.ABANDONED, reason == null ? "customer left" : reason, "runtime:" + runtimeId);
    }

    /** Per turn (the last segment) or per segment alike: only the utterance id matters. */
    void onSpeakFinished(String utteranceId) {
        if (utteranceId.equals(currentUtterance)) {
            currentUtterance = null;
        }
        if (utteranceId.equals(awaiting)) {
            awaitingSinceMillis = ctx.clock().millis(); // the customer's time to answer starts when the question ends
        }
    }

    /** Throws IllegalStateException when {@code action} may not decide this session now (see {@link #decide}). */
    void checkDecidable(SupervisorAction action) {
        boolean reviewOnly = action instanceof SupervisorAction.Approve || action instanceof SupervisorAction.Reject
                || action instanceof SupervisorAction.TakeOver;
        if (reviewOnly && status != SessionStatus.ESCALATED && status != SessionStatus.TAKEN_OVER) {
            throw new IllegalStateException("Session " + sessionId + " is " + status.name().toLowerCase()
                    + ", not escalated: approve, reject and take-over decide escalated sessions only");
        }
    }

    /**
     * Applies a supervisor's decision. Approve, reject and take-over decide a session that is waiting for a
     * supervisor (escalated, or already taken over); on any other session they are refused with
     * IllegalStateException, so no one can pass a witness that never needed review. Close and restart stay open.
     */
    void decide(SupervisorAction action, String supervisor) {
        checkDecidable(action);
        String actor = "supervisor:" + supervisor;
        switch (action) {
            case SupervisorAction.Approve a -> {
                audit("supervisor.approve", actor, a.note() == null ? Map.of("step", currentStep().id())
                        : Map.of("step", currentStep().id(), "note", a.note()));
                reviewed = true;
                status = SessionStatus.ACTIVE;
                escalation = null;
                advance();
            }
            case SupervisorAction.Reject r -> end(Outcome.REJECTED,
                    r.reason() == null || r.reason().isBlank() ? "rejected by supervisor" : r.reason(), actor);
            case SupervisorAction.Close c -> end(Outcome.ABANDONED, c.reason(), actor);
            case SupervisorAction.TakeOver t -> {
                audit("supervisor.takeover", actor, Map.of("step", currentStep().id()));
                status = SessionStatus.TAKEN_OVER;
                if (currentUtterance != null) {
                    send(new ServerFrame.Interrupt(sessionId, currentUtterance));
                }
                say(List.of(t.text()), true, "supervisor");
            }
            case SupervisorAction.RestartStep r -> {
                audit("supervisor.restart", actor, Map.of("step", currentStep().id()));
                status = SessionStatus.ACTIVE;
                escalation = null;
                reviewed = true;
                attempts = 0;
                offScript = 0;
                ask(false);
            }
        }
    }

    private void evaluate(String text) {
        WitnessStep step = currentStep();
        String confirmation = step.check() == org.finassist.dh.script.CheckKind.READ_ALOUD
                ? ctx.texts().confirmation(applicant) : "";
        Evaluation e = ctx.evaluator().evaluate(step, text, applicant, confirmation);
        audit("check", "engine", Map.of("step", step.id(), "result", e.getClass().getSimpleName(),
                "reason", e.reason()));
        switch (e) {
            case Evaluation.Pass p -> advance();
            case Evaluation.Escalate x -> escalate(x.reason());
            case Evaluation.Retry r -> retry(r.reason());
            case Evaluation.OffScript o -> offScript(text, o.reason());
        }
    }

    private void retry(String reason) {
        attempts++;
        if (attempts > ctx.settings().maxReasks()) {
            escalate("no clear answer to '" + currentStep().id() + "' after " + attempts + " attempts (" + reason + ")");
            return;
        }
        String leadIn = ctx.texts().reask(applicant, currentStep().check() == org.finassist.dh.script.CheckKind.READ_ALOUD
                ? "read aloud" : reason);
        say(List.of(leadIn, question()), true, "agent");
    }

    private void offScript(String text, String reason) {
        offScript++;
        if (offScript > ctx.settings().maxOffScript()) {
            retry(reason);
            return;
        }
        String answer = ctx.responder().answer(text, applicant);
        say(List.of(answer, question()), true, "agent");
    }

    private void advance() {
        stepIndex++;
        attempts = 0;
        offScript = 0;
        stepStartedAtMillis = ctx.clock().millis();
        if (stepIndex < ctx.script().size()) {
            ask(true);
        } else if (!flags.isEmpty() && !reviewed) {
            stepIndex = ctx.script().size() - 1;
            escalate("all steps passed; flags need review");
        } else {
            stepIndex = ctx.script().size() - 1;
            end(Outcome.PASSED, "all steps passed", "engine");
        }
    }

    private void ask(boolean show) {
        if (show) {
            show(currentStep());
        }
        say(List.of(question()), true, "agent");
    }

    private void escalate(String reason) {
        if (currentUtterance != null) {
            // whatever the digital human is still saying stops before the customer is asked to hold
            send(new ServerFrame.Interrupt(sessionId, currentUtterance));
        }
        status = SessionStatus.ESCALATED;
        escalation = reason;
        reviewed = false;
        flags.add(new Flag("escalated", reason, ctx.clock().millis()));
        audit("escalated", "engine", Map.of("step", currentStep().id(), "reason", reason));
        say(List.of(ctx.texts().hold(applicant)), false, "agent");
    }

    void end(Outcome result, String reason, String actor) {
        if (status == SessionStatus.ENDED) {
            return;
        }
        audit("session.ended", actor, Map.of("outcome", result.wireName(), "reason", reason));
        status = SessionStatus.ENDED;
        outcome = result;
        switch (result) {
            case PASSED -> say(List.of(ctx.texts().passed(applicant)), false, "agent");
            case REJECTED -> say(List.of(ctx.texts().rejected(applicant)), false, "agent");
            case ABANDONED -> { }
        }
        send(new ServerFrame.SessionEnd(sessionId, result, reason));
    }

    private void show(WitnessStep step) {
        if (step.showIdPrompt()) {
            send(new ServerFrame.Show(sessionId, ServerFrame.ShowKind.ID_PROMPT, ctx.texts().idPrompt(applicant)));
        }
        if (step.showConfirmation()) {
            send(new ServerFrame.Show(sessionId, ServerFrame.ShowKind.TEXT, ctx.texts().confirmation(applicant)));
        }
    }

    /** One turn of one or more segments sharing an utterance id; audited and persisted before it is sent. */
    private void say(List<String> segments, boolean expectsReply, String speaker) {
        String utterance = sessionId + "-u" + (++utterances);
        String text = String.join("", segments);
        audit("speak", "supervisor".equals(speaker) ? "supervisor" : "engine",
                Map.of("utterance", utterance, "text", text, "expectsReply", Boolean.toString(expectsReply)));
        line(speaker, text);
        currentUtterance = utterance;
        awaiting = expectsReply ? utterance : null;
        awaitingSinceMillis = ctx.clock().millis();
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            send(new ServerFrame.Speak(sessionId, utterance, segments.get(i), i == 0, last, last && expectsReply));
        }
    }

    private String question() {
        return ctx.texts().question(currentStep(), applicant);
    }

    private WitnessStep currentStep() {
        return ctx.script().step(Math.min(stepIndex, ctx.script().size() - 1));
    }

    private void line(String speaker, String text) {
        // the transcript is shown to supervisors and persisted: a full ID, phone or card number said aloud is masked
        transcript.addLast(new TranscriptLine(ctx.clock().millis(), speaker, PiiMasker.mask(text)));
        while (transcript.size() > ctx.settings().transcriptLines()) {
            transcript.removeFirst();
        }
    }

    private void audit(String kind, String actor, Map<String, String> data) {
        AuditRecord record = HashChain.next(sessionId, auditRecords, auditHead, ctx.clock().millis(), kind, actor,
                data);
        pending.add(record);
        auditRecords = record.seq();
        auditHead = record.hash();
    }

    private void send(ServerFrame frame) {
        outbox.add(frame);
    }

    /**
     * Writes the pending audit records and the state in one transaction, then sends the queued frames. If the
     * write fails nothing is sent and the caller must discard this object (its state ran ahead of the store).
     */
    void commit() {
        if (!pending.isEmpty()) {
            List<AuditRecord> records = List.copyOf(pending);
            SessionSnapshot snapshot = snapshot();
            pending.clear();
            long[] saved = new long[1];
            ctx.transactions().inTransaction(() -> {
                saved[0] = ctx.store().save(snapshot);
                ctx.audit().append(records);
            });
            version = saved[0];
        }
        List<ServerFrame> frames = List.copyOf(outbox);
        outbox.clear();
        RuntimeChannel channel = ctx.channels().apply(runtimeId);
        if (channel != null) {
            frames.forEach(channel::send);
        }
    }

    SessionSnapshot snapshot() {
        return new SessionSnapshot(sessionId, runtimeId, applicant, status, startedAtMillis,
                new SessionSnapshot.Progress(stepIndex, attempts, offScript, awaiting, stepStartedAtMillis, escalation,
                        reviewed, outcome),
                new SessionSnapshot.Speech(lastSeq, utterances, List.copyOf(recentFinals)),
                new SessionSnapshot.Findings(flags, List.copyOf(transcript)),
                new SessionSnapshot.AuditTrail(auditRecords, auditHead), version);
    }

    SessionView view(boolean online, int lines) {
        List<TranscriptLine> all = List.copyOf(transcript);
        return new SessionView(sessionId, runtimeId, applicant.applicationId(), applicant.maskedName(), status,
                currentStep().id(), stepIndex, ctx.script().size(), attempts, escalation, outcome, online,
                startedAtMillis, stepStartedAtMillis, List.copyOf(flags),
                all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
