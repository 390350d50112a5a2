package org.finassist.dh.session;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.script.WitnessScript;
import org.finassist.prompts.PromptRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
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
    /** A node's claim on a runtime older than this is a crashed node's: its sessions show as offline. */
    private static final long OWNER_FRESH_MILLIS = 20_000;

    private final Map<String, WitnessSession> live = new ConcurrentHashMap<>();
    private final Map<String, RuntimeChannel> channels = new ConcurrentHashMap<>();
    /** Sessions resumed at a reconnect that the runtime has not touched since: session id → deadline millis. */
    private final Map<String, Long> awaitingRejoin = new ConcurrentHashMap<>();
    private final EngineContext ctx;
    private final String nodeId;

    private WitnessEngine(Builder b) {
        ScriptTexts texts = new ScriptTexts(b.renderer, b.settings.idSuffixLength());
        OffScriptResponder responder = b.responder != null ? b.responder
                : new ChatModelOffScriptResponder(null, texts);
        ctx = new EngineContext(b.script, texts, new StepEvaluator(b.settings), responder,
                Objects.requireNonNull(b.audit, "audit"), Objects.requireNonNull(b.store, "store"), b.transactions,
                b.settings, b.clock, channels::get);
        nodeId = b.nodeId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This node's id in ownership claims. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Binds an authenticated runtime (new or reconnecting, to this or another node) and resumes its unfinished
     * sessions from the database, never from a copy this node kept from an earlier connection (the runtime may
     * have gone on elsewhere since); returns their ids for the welcome frame. Call {@link #resumeAll} after
     * sending the welcome. Each resumed session must be rejoined (or left) within the rejoin timeout.
     */
    public List<String> attach(RuntimeChannel channel) {
        RuntimeChannel previous = channels.put(channel.runtimeId(), channel);
        if (previous != null && previous != channel) {
            LOG.info("Runtime {} reconnected; the newer connection replaces the older", channel.runtimeId());
        }
        long now = ctx.clock().millis();
        ctx.store().claim(channel.runtimeId(), nodeId, now);
        List<String> ids = new ArrayList<>();
        for (SessionSnapshot s : ctx.store().unfinished(channel.runtimeId())) {
            live.put(s.sessionId(), new WitnessSession(ctx, s));
            awaitingRejoin.put(s.sessionId(), now + ctx.settings().rejoinTimeout().toMillis());
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
        if (channels.remove(channel.runtimeId(), channel)) {
            ctx.store().release(channel.runtimeId(), nodeId);
            live.values().removeIf(s -> s.runtimeId().equals(channel.runtimeId()));
        }
    }

    /** Handles one session-scoped frame from an attached runtime. */
    public void handle(RuntimeChannel channel, RuntimeFrame frame) {
        String sessionId = frame.sessionIdOrNull();
        try {
            handleOnce(channel, frame);
        } catch (StaleSessionException e) {
            // another node changed the session since this copy was read: reload it and apply the frame to that
            LOG.info("Session {} changed elsewhere; reloading it and retrying the {}", sessionId, frame.wireType());
            live.remove(sessionId);
            handleOnce(channel, frame);
        }
    }

    private void handleOnce(RuntimeChannel channel, RuntimeFrame frame) {
        if (frame instanceof RuntimeFrame.SessionJoin join) {
            join(channel, join);
            return;
        }
        String sessionId = frame.sessionIdOrNull();
        WitnessSession session = sessionId == null ? null : owned(channel, sessionId, frame);
        if (session == null) {
            return;
        }
        awaitingRejoin.remove(sessionId);
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

    /** Whether this node can apply a decision on the session directly: it holds it and its runtime's connection. */
    public boolean holds(String sessionId) {
        WitnessSession session = live.get(sessionId);
        return session != null && channels.containsKey(session.runtimeId());
    }

    /**
     * Applies a supervisor's decision on a session this node {@link #holds}; throws IllegalArgumentException if
     * it is unknown here, IllegalStateException if it ended or its runtime is offline.
     */
    public void decide(String sessionId, SupervisorAction action, String supervisor) {
        try {
            decideOnce(sessionId, action, supervisor);
        } catch (StaleSessionException e) {
            WitnessSession stale = live.remove(sessionId);
            if (stale != null) {
                ctx.store().load(sessionId).ifPresent(s -> live.putIfAbsent(sessionId, new WitnessSession(ctx, s)));
            }
            decideOnce(sessionId, action, supervisor);
        }
    }

    private void decideOnce(String sessionId, SupervisorAction action, String supervisor) {
        WitnessSession session = live.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("No live session " + sessionId + " on this node");
        }
        synchronized (session) {
            if (session.status() == SessionStatus.ENDED) {
                throw new IllegalStateException("Session " + sessionId + " has ended");
            }
            if (!channels.containsKey(session.runtimeId())) {
                throw new IllegalStateException("Runtime of session " + sessionId + " is offline");
            }
            // refused before run(): a failed change would drop the live session from this node
            session.checkDecidable(action);
            run(session, () -> session.decide(action, supervisor));
            afterChange(session);
        }
    }

    /**
     * Applies a decision on the stored copy of a session whose runtime is connected to no node (e.g. it never
     * came back after a restart): nothing can be said to the customer, so take-over is refused; the next
     * reconnect resumes from the result. Throws IllegalArgumentException if unknown, IllegalStateException if
     * ended, taken over, or changed concurrently.
     */
    public SessionView decideOffline(String sessionId, SupervisorAction action, String supervisor) {
        if (action instanceof SupervisorAction.TakeOver) {
            throw new IllegalStateException("Runtime of session " + sessionId + " is offline: nobody to speak to");
        }
        SessionSnapshot stored = ctx.store().load(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("No session " + sessionId));
        if (stored.status() == SessionStatus.ENDED) {
            throw new IllegalStateException("Session " + sessionId + " has ended");
        }
        new WitnessSession(ctx, stored).checkDecidable(action);
        live.remove(sessionId); // a copy kept here is stale by definition once the stored one changes
        WitnessSession session = new WitnessSession(ctx, stored);
        synchronized (session) {
            try {
                run(session, () -> session.decide(action, supervisor));
            } catch (StaleSessionException e) {
                throw new IllegalStateException("Session " + sessionId + " changed meanwhile; decide again", e);
            }
            return session.view(false, Integer.MAX_VALUE);
        }
    }

    /**
     * Ends resumed sessions the runtime did not rejoin in time and re-asks questions the customer has been
     * silent on; the transport calls this about once a second.
     */
    public void sweep() {
        long now = ctx.clock().millis();
        for (Map.Entry<String, Long> e : awaitingRejoin.entrySet()) {
            if (e.getValue() <= now && awaitingRejoin.remove(e.getKey(), e.getValue())) {
                onLocal(e.getKey(), s -> s.end(Outcome.ABANDONED, "runtime did not rejoin the session within "
                        + ctx.settings().rejoinTimeout().toSeconds() + " s of reconnecting", "engine"));
            }
        }
        long limit = ctx.settings().customerSilence().toMillis();
        for (WitnessSession session : live.values()) {
            if (channels.containsKey(session.runtimeId()) && !awaitingRejoin.containsKey(session.sessionId())) {
                long silent;
                synchronized (session) {
                    silent = session.silentFor(now);
                }
                if (silent > limit) {
                    onLocal(session.sessionId(), s -> s.onSilence(silent));
                }
            }
        }
    }

    private void onLocal(String sessionId, java.util.function.Consumer<WitnessSession> change) {
        WitnessSession session = live.get(sessionId);
        if (session == null) {
            return;
        }
        synchronized (session) {
            if (session.status() == SessionStatus.ENDED) {
                return;
            }
            try {
                run(session, () -> change.accept(session));
                afterChange(session);
            } catch (RuntimeException e) {
                LOG.warn("Timed change of session {} failed: {}", sessionId, e.toString());
            }
        }
    }

    /** Open sessions of every node (from the database), escalated first, then oldest first; at most {@code limit}. */
    public List<SessionView> sessions(int limit, int transcriptLines) {
        return ctx.store().open(limit).stream().map(s -> view(s, transcriptLines)).toList();
    }

    /** Recently ended sessions of every node, newest first. */
    public List<SessionView> recentlyEnded(int limit) {
        return ctx.store().recentlyEnded(limit).stream().map(s -> view(s, 10)).toList();
    }

    /** A session as stored, whichever node holds it. */
    public Optional<SessionView> session(String sessionId) {
        return ctx.store().load(sessionId).map(s -> {
            WitnessSession local = live.get(sessionId);
            boolean online = local != null && channels.containsKey(s.runtimeId())
                    || ctx.store().owner(sessionId, ctx.clock().millis() - OWNER_FRESH_MILLIS).isPresent();
            return new WitnessSession(ctx, s).view(online, Integer.MAX_VALUE);
        });
    }

    /** The node holding the session's runtime connection, if that node is alive. */
    public Optional<String> owner(String sessionId) {
        return ctx.store().owner(sessionId, ctx.clock().millis() - OWNER_FRESH_MILLIS);
    }

    /**
     * Keeps this node's ownership claims fresh; call every few seconds. Returns the runtimes connected here whose
     * sessions another node has claimed since (the runtime connected there too): the transport closes their
     * connection here as superseded, so one runtime id speaks through one node.
     */
    public List<String> renewClaims() {
        ctx.store().renew(nodeId, ctx.clock().millis());
        List<String> lost = new ArrayList<>();
        for (String runtimeId : channels.keySet()) {
            ctx.store().runtimeOwner(runtimeId).filter(owner -> !owner.equals(nodeId)).ifPresent(o -> lost.add(runtimeId));
        }
        return lost;
    }

    private SessionView view(SessionStore.StoredSession s, int lines) {
        boolean online = s.ownerNode() != null && s.ownerSeenMillis() >= ctx.clock().millis() - OWNER_FRESH_MILLIS;
        return new WitnessSession(ctx, s.snapshot()).view(online, lines);
    }

    /** Whether this node holds the session in memory (open, its runtime connected here or reconnecting). */
    public boolean isLive(String sessionId) {
        return live.containsKey(sessionId);
    }

    /** Sessions this node holds in memory. */
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
        awaitingRejoin.remove(join.sessionId());
        Optional<SessionSnapshot> stored = ctx.store().load(join.sessionId());
        if (stored.isPresent()) {
            SessionSnapshot s = stored.get();
            if (!s.runtimeId().equals(channel.runtimeId())) {
                refuse(channel, ErrorCode.NOT_SESSION_OWNER, "session belongs to another runtime", join.sessionId(),
                        join);
                return;
            }
            if (s.status() == SessionStatus.ENDED) {
                refuse(channel, ErrorCode.UNKNOWN_SESSION, "session has ended", join.sessionId(), join);
                live.remove(join.sessionId());
                return;
            }
            // a rejoin always starts from the stored copy: the in-memory one may be stale
            WitnessSession session = new WitnessSession(ctx, s);
            live.put(join.sessionId(), session);
            synchronized (session) {
                run(session, () -> {
                    if (join.seqReset()) {
                        session.resetSeq();
                    }
                    session.resume();
                });
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
            try {
                run(session, session::start);
            } catch (StaleSessionException e) {
                // another node inserted the same id first
                refuse(channel, ErrorCode.NOT_SESSION_OWNER, "session id already in use", join.sessionId(), join);
            }
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
            live.remove(session.sessionId(), session);
            throw e;
        }
    }

    /** The session if this runtime owns it, loaded from the store if not held here; otherwise an error and null. */
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
            String id = session.sessionId();
            live.remove(id, session);
            awaitingRejoin.remove(id);
        }
    }

    private static void refuse(RuntimeChannel channel, ErrorCode code, String message, String sessionId,
                               RuntimeFrame frame) {
        LOG.warn("Refused {} from runtime {} for session {}: {}", frame.wireType(), channel.runtimeId(), sessionId,
                code.wireName());
        channel.send(new ServerFrame.Error(code, message, sessionId, frame.wireType()));
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
        private String nodeId = "local";

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

        /** This node's id in the store's ownership claims; unique per running server. */
        public Builder nodeId(String nodeId) {
            this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
            return this;
        }

        public WitnessEngine build() {
            return new WitnessEngine(this);
        }
    }
}
