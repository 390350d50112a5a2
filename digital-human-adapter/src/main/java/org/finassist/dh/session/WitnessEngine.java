package org.finassist.dh.session;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.script.WitnessScript;
import org.finassist.prompts.PromptRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs witness sessions for any number of runtimes. Thread-safe: frames of one session are handled one at a
 * time (under the session's monitor), different sessions in parallel. Connection-level frames (hello, heartbeat)
 * belong to the transport; everything session-scoped comes here through {@link #handle}.
 */
public final class WitnessEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessEngine.class);
    private static final int RECENT_ENDED = 50;

    private final Map<String, WitnessSession> live = new ConcurrentHashMap<>();
    private final Map<String, RuntimeChannel> channels = new ConcurrentHashMap<>();
    private final Deque<SessionView> recentlyEnded = new ArrayDeque<>();
    private final EngineContext ctx;

    private WitnessEngine(Builder b) {
        ScriptTexts texts = new ScriptTexts(b.renderer, b.settings.idSuffixLength());
        OffScriptResponder responder = b.responder != null ? b.responder
                : new ChatModelOffScriptResponder(null, texts);
        ctx = new EngineContext(b.script, texts, new StepEvaluator(b.settings), responder,
                Objects.requireNonNull(b.audit, "audit"), Objects.requireNonNull(b.store, "store"), b.transactions,
                b.settings, b.clock, channels::get);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds an authenticated runtime (new or reconnecting, to this or another node) and resumes its unfinished
     * sessions; returns their ids for the welcome frame. Call {@link #resumeAll} after sending the welcome.
     */
    public List<String> attach(RuntimeChannel channel) {
        RuntimeChannel previous = channels.put(channel.runtimeId(), channel);
        if (previous != null && previous != channel) {
            LOG.info("Runtime {} reconnected; the newer connection replaces the older", channel.runtimeId());
        }
        List<String> ids = new ArrayList<>();
        for (SessionSnapshot s : ctx.store().unfinished(channel.runtimeId())) {
            live.computeIfAbsent(s.sessionId(), id -> new WitnessSession(ctx, s));
            ids.add(s.sessionId());
        }
        return ids;
    }

    /** Re-asks the current question of each resumed session. */
    public void resumeAll(List<String> sessionIds) {
        for (String id : sessionIds) {
            WitnessSession session = live.get(id);
            if (session != null) {
                synchronized (session) {
                    run(session, session::resume);
                }
            }
        }
    }

    /** The runtime's connection closed; its sessions wait (persisted) for it to reconnect. */
    public void detach(RuntimeChannel channel) {
        channels.remove(channel.runtimeId(), channel);
    }

    /** Handles one session-scoped frame from an attached runtime. */
    public void handle(RuntimeChannel channel, RuntimeFrame frame) {
        if (frame instanceof RuntimeFrame.SessionJoin join) {
            join(channel, join);
            return;
        }
        String sessionId = frame.sessionIdOrNull();
        WitnessSession session = sessionId == null ? null : owned(channel, sessionId, frame);
        if (session == null) {
            return;
        }
        synchronized (session) {
            if (session.status() == SessionStatus.ENDED) {
                if (!isSpeechAck(frame)) {
                    refuse(channel, ErrorCode.UNKNOWN_SESSION, "session has ended", sessionId, frame);
                }
                return;
            }
            run(session, () -> {
                switch (frame) {
                    case RuntimeFrame.AsrFinal f -> session.onAsrFinal(f.seq(), f.text(), f.replyTo());
                    case RuntimeFrame.Event f -> session.onEvent(f.kind(), f.detail());
                    case RuntimeFrame.SessionLeave f -> session.onLeave(f.reason());
                    case RuntimeFrame.SpeakFinished f -> session.onSpeakFinished(f.utteranceId());
                    case RuntimeFrame.AsrPartial f -> { }
                    case RuntimeFrame.SpeakStarted f -> { }
                    case RuntimeFrame.SessionJoin f -> { }
                    case RuntimeFrame.Hello f -> { }
                    case RuntimeFrame.Heartbeat f -> { }
                }
            });
            afterChange(session);
        }
    }

    /** Applies a supervisor's decision; throws if the session is unknown, ended or its runtime is offline. */
    public void decide(String sessionId, SupervisorAction action, String supervisor) {
        WitnessSession session = live.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("No live session " + sessionId);
        }
        synchronized (session) {
            if (session.status() == SessionStatus.ENDED) {
                throw new IllegalStateException("Session " + sessionId + " has ended");
            }
            if (!channels.containsKey(session.runtimeId())) {
                throw new IllegalStateException("Runtime of session " + sessionId + " is offline");
            }
            run(session, () -> session.decide(action, supervisor));
            afterChange(session);
        }
    }

    /** Live sessions, escalated first, then oldest first; at most {@code limit}. */
    public List<SessionView> sessions(int limit, int transcriptLines) {
        return live.values().stream()
                .map(s -> {
                    synchronized (s) {
                        return s.view(channels.containsKey(s.runtimeId()), transcriptLines);
                    }
                })
                .sorted(Comparator.comparing((SessionView v) -> v.status() == SessionStatus.ACTIVE)
                        .thenComparingLong(SessionView::startedAtMillis))
                .limit(limit)
                .toList();
    }

    public List<SessionView> recentlyEnded() {
        synchronized (recentlyEnded) {
            return List.copyOf(recentlyEnded);
        }
    }

    public Optional<SessionView> session(String sessionId) {
        WitnessSession s = live.get(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.of(s.view(channels.containsKey(s.runtimeId()), Integer.MAX_VALUE));
        }
    }

    public int liveCount() {
        return live.size();
    }

    public AuditLog auditLog() {
        return ctx.audit();
    }

    public SessionStore sessionStore() {
        return ctx.store();
    }

    private void join(RuntimeChannel channel, RuntimeFrame.SessionJoin join) {
        WitnessSession existing = live.get(join.sessionId());
        if (existing != null || ctx.store().load(join.sessionId()).isPresent()) {
            WitnessSession session = existing != null ? existing : owned(channel, join.sessionId(), join);
            if (session == null) {
                return;
            }
            synchronized (session) {
                if (!session.runtimeId().equals(channel.runtimeId())) {
                    refuse(channel, ErrorCode.NOT_SESSION_OWNER, "session belongs to another runtime",
                            join.sessionId(), join);
                } else if (session.status() == SessionStatus.ENDED) {
                    refuse(channel, ErrorCode.UNKNOWN_SESSION, "session has ended", join.sessionId(), join);
                } else {
                    run(session, session::resume);
                }
            }
            return;
        }
        long hosted = live.values().stream().filter(s -> s.runtimeId().equals(channel.runtimeId())).count();
        if (hosted >= channel.maxSessions()) {
            refuse(channel, ErrorCode.CAPACITY_EXCEEDED, "runtime already hosts " + hosted + " sessions",
                    join.sessionId(), join);
            return;
        }
        WitnessSession session = new WitnessSession(ctx,
                WitnessSession.fresh(join.sessionId(), channel.runtimeId(), join.applicant(), ctx.clock().millis()));
        if (live.putIfAbsent(join.sessionId(), session) != null) {
            refuse(channel, ErrorCode.NOT_SESSION_OWNER, "session id already in use", join.sessionId(), join);
            return;
        }
        synchronized (session) {
            run(session, session::start);
        }
    }

    /**
     * Applies one change and commits it. On failure the in-memory session is dropped, so the next frame reloads
     * the last committed state from the store; the caller reports the error and the runtime resends.
     */
    private void run(WitnessSession session, Runnable change) {
        try {
            change.run();
            session.commit();
        } catch (RuntimeException e) {
            live.remove(session.snapshot().sessionId(), session);
            throw e;
        }
    }

    /** The live (or stored) session if this runtime owns it; otherwise an error frame and null. */
    private WitnessSession owned(RuntimeChannel channel, String sessionId, RuntimeFrame frame) {
        WitnessSession session = live.get(sessionId);
        if (session == null) {
            Optional<SessionSnapshot> stored = ctx.store().load(sessionId);
            if (stored.isEmpty() || stored.get().status() == SessionStatus.ENDED) {
                if (stored.isEmpty() || !isSpeechAck(frame)) {
                    refuse(channel, ErrorCode.UNKNOWN_SESSION, "no such session", sessionId, frame);
                }
                return null;
            }
            session = live.computeIfAbsent(sessionId, id -> new WitnessSession(ctx, stored.get()));
        }
        if (!session.runtimeId().equals(channel.runtimeId())) {
            refuse(channel, ErrorCode.NOT_SESSION_OWNER, "session belongs to another runtime", sessionId, frame);
            return null;
        }
        return session;
    }

    /** Speech acknowledgements and partials may trail a session's end; they are dropped silently. */
    private static boolean isSpeechAck(RuntimeFrame frame) {
        return frame instanceof RuntimeFrame.SpeakStarted || frame instanceof RuntimeFrame.SpeakFinished
                || frame instanceof RuntimeFrame.AsrPartial;
    }

    private void afterChange(WitnessSession session) {
        if (session.status() == SessionStatus.ENDED) {
            SessionSnapshot s = session.snapshot();
            live.remove(s.sessionId(), session);
            synchronized (recentlyEnded) {
                recentlyEnded.addFirst(session.view(channels.containsKey(s.runtimeId()), 10));
                while (recentlyEnded.size() > RECENT_ENDED) {
                    recentlyEnded.removeLast();
                }
            }
        }
    }

    private static void refuse(RuntimeChannel channel, ErrorCode code, String message, String sessionId,
                               RuntimeFrame frame) {
        LOG.warn("Refused {} from runtime {} for session {}: {}", frame.getClass().getSimpleName(),
                channel.runtimeId(), sessionId, code.wireName());
        channel.send(new ServerFrame.Error(code, message, sessionId, null));
    }

    /** Builder; script, settings, clock and renderer default to the standard ones. */
    public static final class Builder {
        private WitnessScript script = WitnessScript.standard();
        private EngineSettings settings = EngineSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private PromptRenderer renderer = PromptRenderer.classpath();
        private OffScriptResponder responder;
        private AuditLog audit;
        private SessionStore store;
        private Transactions transactions = Transactions.none();

        public Builder script(WitnessScript script) {
            this.script = script;
            return this;
        }

        public Builder settings(EngineSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder renderer(PromptRenderer renderer) {
            this.renderer = renderer;
            return this;
        }

        /** Off-script answers; defaults to the scripted deferral. */
        public Builder responder(OffScriptResponder responder) {
            this.responder = responder;
            return this;
        }

        public Builder auditLog(AuditLog audit) {
            this.audit = audit;
            return this;
        }

        public Builder sessionStore(SessionStore store) {
            this.store = store;
            return this;
        }

        /** How the writes of one frame are made atomic; none by default. */
        public Builder transactions(Transactions transactions) {
            this.transactions = transactions;
            return this;
        }

        public WitnessEngine build() {
            return new WitnessEngine(this);
        }
    }
}
