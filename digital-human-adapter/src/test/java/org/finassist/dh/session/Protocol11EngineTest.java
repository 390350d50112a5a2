package org.finassist.dh.session;

import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.InMemoryAuditLog;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.EventKind;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.dh.session.WitnessEngineTest.APPLICANT;
import static org.finassist.dh.session.WitnessEngineTest.COOPERATIVE;

/** The traps issue 18 found, each closed by protocol 1.1 (docs/protocol.md). */
class Protocol11EngineTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private WitnessEngine engine;
    private FakeRuntime runtime;

    @BeforeEach
    void setUp() {
        engine = engine("node-a");
        runtime = new FakeRuntime("rt-1", 10);
        engine.attach(runtime);
    }

    @Test
    void aSeqRegressionIsRefusedWithTheLastAckedSeqAndASeqResetRestartsTheNumbering() {
        join("s-1", false);
        answer(runtime, "s-1", 5, COOPERATIVE.get(0));
        answer(runtime, "s-1", 5, COOPERATIVE.get(0)); // a resend: acknowledged again, not processed twice
        assertThat(runtime.of(ServerFrame.Ack.class)).extracting(ServerFrame.Ack::seq).containsExactly(5L, 5L);

        answer(runtime, "s-1", 1, COOPERATIVE.get(1)); // the runtime restarted its counter

        ServerFrame.Error error = runtime.of(ServerFrame.Error.class).getLast();
        assertThat(error.code()).isEqualTo(ErrorCode.SEQ_REGRESSION);
        assertThat(error.lastSeq()).isEqualTo(5L);
        assertThat(error.refType()).isEqualTo("asr.final");
        assertThat(runtime.of(ServerFrame.Ack.class)).hasSize(2);
        assertThat(engine.session("s-1").orElseThrow().stepIndex()).isEqualTo(1);

        join("s-1", true);
        answer(runtime, "s-1", 1, COOPERATIVE.get(1));

        assertThat(runtime.of(ServerFrame.Ack.class).getLast().seq()).isEqualTo(1);
        assertThat(engine.session("s-1").orElseThrow().stepIndex()).isEqualTo(2);
        assertThat(audit.read("s-1")).extracting(AuditRecord::kind).contains("seq.reset");
    }

    @Test
    void aResumedSessionTheRuntimeDoesNotRejoinIsAbandonedAfterTheTimeout() {
        join("s-1", false);
        join("s-2", false);
        engine.detach(runtime);
        FakeRuntime back = new FakeRuntime("rt-1", 10);
        assertThat(engine.attach(back)).containsExactlyInAnyOrder("s-1", "s-2");
        join(back, "s-1", false);

        clock.advance(Duration.ofSeconds(61));
        engine.sweep();

        assertThat(store.load("s-2").orElseThrow().progress().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(back.of(ServerFrame.SessionEnd.class)).extracting(ServerFrame.SessionEnd::sessionId)
                .containsExactly("s-2");
        assertThat(store.load("s-1").orElseThrow().status()).isNotEqualTo(SessionStatus.ENDED);
        engine.handle(back, new RuntimeFrame.SessionLeave("s-1", null));
        assertThat(audit.read("s-1").getLast().data()).doesNotContainValue("null");
    }

    @Test
    void aSilentCustomerIsAskedAgainThenEscalated() {
        join("s-1", false);
        String question = runtime.lastTurn();
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(31));
            engine.sweep();
        }
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ESCALATED);
        assertThat(runtime.of(ServerFrame.Speak.class)).filteredOn(s -> s.text().equals(question.substring(
                question.indexOf("请您完整")))).hasSize(3);
        assertThat(audit.read("s-1")).filteredOn(r -> r.kind().equals("customer.silent")).hasSize(3);
    }

    @Test
    void speechFinishedStartsTheSilenceClock() {
        join("s-1", false);
        ServerFrame.Speak asked = runtime.of(ServerFrame.Speak.class).getLast();
        clock.advance(Duration.ofSeconds(25));
        engine.handle(runtime, new RuntimeFrame.SpeakFinished("s-1", asked.utteranceId(), false));
        clock.advance(Duration.ofSeconds(25));
        engine.sweep();
        assertThat(audit.read("s-1")).noneMatch(r -> r.kind().equals("customer.silent"));
    }

    @Test
    void escalationInterruptsTheUtteranceStillPlaying() {
        join("s-1", false);
        String playing = runtime.of(ServerFrame.Speak.class).getLast().utteranceId();
        engine.handle(runtime, new RuntimeFrame.Event("s-1", EventKind.SECOND_VOICE, null));
        int interrupt = indexOf(ServerFrame.Interrupt.class);
        assertThat(((ServerFrame.Interrupt) runtime.frames.get(interrupt)).utteranceId()).isEqualTo(playing);
        assertThat(runtime.frames.subList(interrupt, runtime.frames.size())).last()
                .isInstanceOfSatisfying(ServerFrame.Speak.class, s -> assertThat(s.text()).contains("稍候"));
        assertThat(audit.read("s-1")).flatExtracting(r -> r.data().values()).doesNotContain("null");
    }

    @Test
    void aRejectionWithoutTextIsRecordedWithoutANullString() {
        join("s-1", false);
        engine.handle(runtime, new RuntimeFrame.Event("s-1", EventKind.SECOND_FACE, null));
        engine.decide("s-1", new SupervisorAction.Reject(null), "erin");
        ServerFrame.SessionEnd end = runtime.of(ServerFrame.SessionEnd.class).getLast();
        assertThat(end.reason()).isEqualTo("rejected by supervisor");
        assertThat(audit.read("s-1")).flatExtracting(r -> r.data().values()).doesNotContain("null");
    }

    @Test
    void aRiskAdmissionEscalatesAtOnceWithoutReasking() {
        join("s-1", false);
        for (int i = 0; i < 6; i++) {
            answer(runtime, "s-1", i + 1, COOPERATIVE.get(i));
        }
        int speaks = runtime.of(ServerFrame.Speak.class).size();
        answer(runtime, "s-1", 7, "会的，我打算借给朋友用");
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ESCALATED);
        assertThat(runtime.of(ServerFrame.Speak.class).subList(speaks, runtime.of(ServerFrame.Speak.class).size()))
                .noneMatch(s -> s.text().contains("没有听清楚"));
    }

    /** Two nodes on one store: the runtime goes A → B → A and A must not resume from its stale copy. */
    @Test
    void aRuntimeGoingBackToANodeItUsedBeforeResumesFromTheStoredState() {
        join("s-1", false);
        answer(runtime, "s-1", 1, COOPERATIVE.get(0));
        engine.detach(runtime);

        WitnessEngine nodeB = engine("node-b");
        FakeRuntime onB = new FakeRuntime("rt-1", 10);
        nodeB.attach(onB);
        nodeB.handle(onB, new RuntimeFrame.SessionJoin("s-1", APPLICANT));
        nodeB.handle(onB, new RuntimeFrame.AsrFinal("s-1", 2, COOPERATIVE.get(1)));
        nodeB.handle(onB, new RuntimeFrame.AsrFinal("s-1", 3, COOPERATIVE.get(2)));
        nodeB.detach(onB);

        FakeRuntime backOnA = new FakeRuntime("rt-1", 10);
        engine.attach(backOnA);
        join(backOnA, "s-1", false);
        answer(backOnA, "s-1", 4, COOPERATIVE.get(3));

        assertThat(backOnA.of(ServerFrame.Ack.class)).extracting(ServerFrame.Ack::seq).containsExactly(4L);
        assertThat(backOnA.of(ServerFrame.Error.class)).isEmpty();
        assertThat(store.load("s-1").orElseThrow().progress().stepIndex()).isEqualTo(4);
        assertThat(audit.verify("s-1", store.load("s-1").orElseThrow().audit().auditRecords()).valid()).isTrue();
    }

    @Test
    void aNodeWhoseRuntimeConnectedToAnotherNodeIsToldToLetItGo() {
        join("s-1", false);
        assertThat(engine.renewClaims()).isEmpty();
        WitnessEngine nodeB = engine("node-b");
        nodeB.attach(new FakeRuntime("rt-1", 10));
        assertThat(engine.renewClaims()).containsExactly("rt-1");
        assertThat(nodeB.renewClaims()).isEmpty();
    }

    @Test
    void aDecisionMadeElsewhereIsPickedUpByTheHoldingNodeInsteadOfBeingOverwritten() {
        join("s-1", false);
        engine.handle(runtime, new RuntimeFrame.Event("s-1", EventKind.SECOND_FACE, null));
        // another node closes the stored copy while this node still holds a copy in memory
        engine("node-b").decideOffline("s-1", new SupervisorAction.Close("customer gone"), "frank");
        answer(runtime, "s-1", 1, "是的");
        assertThat(store.load("s-1").orElseThrow().progress().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(runtime.of(ServerFrame.Error.class).getLast().code()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
    }

    private WitnessEngine engine(String node) {
        return WitnessEngine.builder().auditLog(audit).sessionStore(store).clock(clock).nodeId(node)
                .responder((q, a) -> "开户不收取费用。").build();
    }

    private int indexOf(Class<?> type) {
        for (int i = 0; i < runtime.frames.size(); i++) {
            if (type.isInstance(runtime.frames.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    private void join(String session, boolean seqReset) {
        join(runtime, session, seqReset);
    }

    private void join(FakeRuntime rt, String session, boolean seqReset) {
        engine.handle(rt, new RuntimeFrame.SessionJoin(session, APPLICANT, seqReset));
    }

    private void answer(FakeRuntime rt, String session, long seq, String text) {
        engine.handle(rt, new RuntimeFrame.AsrFinal(session, seq, text));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
