package org.finassist.dh.session;

import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.InMemoryAuditLog;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.ErrorCode;
import org.finassist.dh.protocol.EventKind;
import org.finassist.dh.protocol.Outcome;
import org.finassist.dh.protocol.RuntimeFrame;
import org.finassist.dh.protocol.ServerFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WitnessEngineTest {

    static final Applicant APPLICANT = new Applicant("A-1", "张伟", "11010119900307123X", "示例证券", "普通证券账户");
    static final String CONFIRMATION = "本人张伟自愿在示例证券开立普通证券账户，已知晓投资风险，承诺账户由本人使用。";
    static final List<String> COOPERATIVE = List.of("我叫张伟", "零七一二三叉", "好了", "是的", "清楚", "是我本人",
            "不会", "没有", CONFIRMATION);

    private InMemoryAuditLog audit;
    private InMemorySessionStore store;
    private WitnessEngine engine;
    private FakeRuntime runtime;
    private long seq;

    @BeforeEach
    void setUp() {
        audit = new InMemoryAuditLog();
        store = new InMemorySessionStore();
        engine = WitnessEngine.builder().auditLog(audit).sessionStore(store)
                .responder((q, a) -> "开户不收取费用。").build();
        runtime = new FakeRuntime("rt-1", 10);
        engine.attach(runtime);
    }

    @Test
    void cooperativeCustomerPassesWithAnIntactAuditTrail() {
        join("s-1");
        assertThat(runtime.of(ServerFrame.Speak.class).getFirst()).satisfies(s -> {
            assertThat(s.first()).isTrue();
            assertThat(s.last()).isFalse();
            assertThat(s.expectsReply()).isFalse();
            assertThat(s.text()).startsWith("张伟您好").contains("示例证券");
        });
        COOPERATIVE.forEach(answer -> say("s-1", answer));

        assertThat(runtime.of(ServerFrame.SessionEnd.class)).containsExactly(
                new ServerFrame.SessionEnd("s-1", Outcome.PASSED, "all steps passed"));
        assertThat(runtime.of(ServerFrame.Ack.class)).hasSize(COOPERATIVE.size());
        assertThat(runtime.of(ServerFrame.Show.class)).extracting(ServerFrame.Show::kind)
                .containsExactly(ServerFrame.ShowKind.ID_PROMPT, ServerFrame.ShowKind.TEXT);
        assertThat(runtime.of(ServerFrame.Show.class).getLast().text()).isEqualTo(CONFIRMATION);
        SessionSnapshot stored = store.load("s-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(audit.verify("s-1", stored.audit().auditRecords()).valid()).isTrue();
        assertThat(audit.read("s-1")).extracting(AuditRecord::kind).startsWith("session.joined", "speak", "asr.final",
                "check", "speak").endsWith("session.ended", "speak");
        assertThat(engine.liveCount()).isZero();
        assertThat(engine.recentlyEnded(10)).extracting(SessionView::outcome).containsExactly(Outcome.PASSED);
    }

    @Test
    void refusingVoluntaryEscalatesAndTheSupervisorsRejectionIsRecordedWithTheirName() {
        join("s-1");
        COOPERATIVE.subList(0, 3).forEach(a -> say("s-1", a));
        say("s-1", "我不愿意，是别人让我开的");
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ESCALATED);
        assertThat(runtime.lastTurn()).contains("稍候");

        engine.decide("s-1", new SupervisorAction.Reject("not voluntary"), "alice");

        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.REJECTED);
        AuditRecord ended = audit.read("s-1").stream().filter(r -> r.kind().equals("session.ended")).findFirst()
                .orElseThrow();
        assertThat(ended.actor()).isEqualTo("supervisor:alice");
        assertThat(ended.data()).containsEntry("outcome", "rejected");
    }

    @Test
    void doubleNegationIsAskedAgainPlainlyThenAccepted() {
        join("s-1");
        COOPERATIVE.subList(0, 3).forEach(a -> say("s-1", a));
        say("s-1", "不是不愿意");
        assertThat(runtime.lastTurn()).startsWith("请您明确回答").endsWith("开立普通证券账户？");
        assertThat(engine.session("s-1").orElseThrow().stepId()).isEqualTo("voluntary");
        COOPERATIVE.subList(3, COOPERATIVE.size()).forEach(a -> say("s-1", a));
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void noisyAsrStillPasses() {
        join("s-1");
        List.of("我叫张 伟。", "洞拐幺两三叉", "嗯嗯", "四的", "都明白了", "恩，是我自己", "木有", "没有没有",
                "本人张伟自愿在示例证券开立普通证券帐户已知晓投资风险承诺帐户由本人使用")
                .forEach(a -> say("s-1", a));
        assertThat(runtime.of(ServerFrame.SessionEnd.class)).as(engine.session("s-1").map(Object::toString)
                .orElse("")).isNotEmpty();
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void unclearAnswersAreBoundedThenEscalateAndTheSupervisorCanRestartTheStep() {
        join("s-1");
        say("s-1", "啊");
        say("s-1", "嗯？再说一遍");
        say("s-1", "应该吧");
        SessionView view = engine.session("s-1").orElseThrow();
        assertThat(view.status()).isEqualTo(SessionStatus.ESCALATED);
        assertThat(view.escalation()).contains("after 3 attempts");

        engine.decide("s-1", new SupervisorAction.RestartStep(), "bob");
        assertThat(runtime.lastTurn()).isEqualTo("请您完整说出您的姓名。");
        COOPERATIVE.forEach(a -> say("s-1", a));
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void secondFaceEscalatesAndAnApprovalResumesTheScript() {
        join("s-1");
        say("s-1", COOPERATIVE.get(0));
        engine.handle(runtime, new RuntimeFrame.Event("s-1", EventKind.SECOND_FACE, "2 faces in frame"));
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ESCALATED);

        engine.decide("s-1", new SupervisorAction.TakeOver("您好，请确认身边没有其他人。"), "carol");
        assertThat(runtime.lastTurn()).isEqualTo("您好，请确认身边没有其他人。");
        // one interrupt when the session escalated, one when the supervisor took over the hold message
        assertThat(runtime.of(ServerFrame.Interrupt.class)).hasSize(2);
        say("s-1", "好的，只有我一个人");
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.TAKEN_OVER);

        engine.decide("s-1", new SupervisorAction.Approve("checked"), "carol");
        COOPERATIVE.subList(2, COOPERATIVE.size()).forEach(a -> say("s-1", a));
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(audit.read("s-1")).filteredOn(r -> r.actor().equals("supervisor:carol")).extracting(AuditRecord::kind)
                .containsExactly("supervisor.takeover", "supervisor.approve");
    }

    @Test
    void flaggedButOtherwisePassingSessionWaitsForReview() {
        join("s-1");
        engine.handle(runtime, new RuntimeFrame.Event("s-1", EventKind.FACE_LOST, null));
        COOPERATIVE.forEach(a -> say("s-1", a));
        assertThat(runtime.of(ServerFrame.SessionEnd.class)).isEmpty();
        assertThat(engine.session("s-1").orElseThrow().escalation()).contains("flags need review");
        engine.decide("s-1", new SupervisorAction.Approve("face lost briefly"), "dave");
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void offScriptQuestionIsAnsweredAndTheQuestionRepeated() {
        join("s-1");
        say("s-1", "开户要多少钱？");
        assertThat(runtime.lastTurn()).isEqualTo("开户不收取费用。请您完整说出您的姓名。");
        List<ServerFrame.Speak> turn = runtime.of(ServerFrame.Speak.class).reversed().subList(0, 2);
        assertThat(turn.get(0).expectsReply()).isTrue();
        assertThat(turn.get(1).expectsReply()).isFalse();
        COOPERATIVE.forEach(a -> say("s-1", a));
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void customerLeavingAbandonsTheSession() {
        join("s-1");
        engine.handle(runtime, new RuntimeFrame.SessionLeave("s-1", "hangup"));
        assertThat(runtime.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.ABANDONED);
        engine.handle(runtime, new RuntimeFrame.AsrFinal("s-1", 99, "是的"));
        assertThat(((ServerFrame.Error) runtime.frames.getLast()).code()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
    }

    @Test
    void reconnectingRuntimeResumesWhereItWasAndResentFramesAreNotRecordedTwice() {
        join("s-1");
        COOPERATIVE.subList(0, 4).forEach(a -> say("s-1", a));
        engine.detach(runtime);

        WitnessEngine otherNode = WitnessEngine.builder().auditLog(audit).sessionStore(store).build();
        FakeRuntime reconnected = new FakeRuntime("rt-1", 10);
        List<String> resumed = otherNode.attach(reconnected);
        otherNode.resumeAll(resumed);
        assertThat(resumed).containsExactly("s-1");
        assertThat(reconnected.lastTurn()).contains("风险揭示书");

        int records = audit.read("s-1").size();
        otherNode.handle(reconnected, new RuntimeFrame.AsrFinal("s-1", seq, "是的"));
        assertThat(reconnected.frames.getLast()).isEqualTo(new ServerFrame.Ack("s-1", seq));
        assertThat(audit.read("s-1")).hasSize(records);

        runtime = reconnected;
        engine = otherNode;
        COOPERATIVE.subList(4, COOPERATIVE.size()).forEach(a -> say("s-1", a));
        assertThat(reconnected.of(ServerFrame.SessionEnd.class).getLast().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(audit.verify("s-1", store.load("s-1").orElseThrow().audit().auditRecords()).valid()).isTrue();
    }

    @Test
    void anAnswerToAQuestionThatIsNoLongerOpenIsRecordedButNotEvaluated() {
        join("s-1");
        String firstQuestion = runtime.of(ServerFrame.Speak.class).getLast().utteranceId();
        engine.detach(runtime);
        engine.resumeAll(engine.attach(runtime));
        String reasked = runtime.of(ServerFrame.Speak.class).getLast().utteranceId();
        assertThat(reasked).isNotEqualTo(firstQuestion);

        engine.handle(runtime, new RuntimeFrame.AsrFinal("s-1", ++seq, "李娜", firstQuestion));
        assertThat(engine.session("s-1").orElseThrow().attempts()).isZero();
        assertThat(audit.read("s-1").getLast().data()).containsEntry("stale", "true");
        engine.handle(runtime, new RuntimeFrame.AsrFinal("s-1", ++seq, "我叫张伟", reasked));
        assertThat(engine.session("s-1").orElseThrow().stepId()).isEqualTo("id-number");
    }

    @Test
    void framesForAnotherRuntimesSessionOrAnUnknownOneAreRefused() {
        join("s-1");
        FakeRuntime intruder = new FakeRuntime("rt-2", 10);
        engine.attach(intruder);
        engine.handle(intruder, new RuntimeFrame.AsrFinal("s-1", 1, "是的"));
        engine.handle(intruder, new RuntimeFrame.AsrFinal("s-404", 1, "是的"));
        engine.handle(intruder, new RuntimeFrame.SessionJoin("s-1", APPLICANT));
        assertThat(intruder.of(ServerFrame.Error.class)).extracting(ServerFrame.Error::code).containsExactly(
                ErrorCode.NOT_SESSION_OWNER, ErrorCode.UNKNOWN_SESSION, ErrorCode.NOT_SESSION_OWNER);
        say("s-1", COOPERATIVE.get(0));
        assertThat(engine.session("s-1").orElseThrow().stepId()).isEqualTo("id-number");
    }

    @Test
    void aRuntimeCannotHostMoreSessionsThanItDeclared() {
        FakeRuntime small = new FakeRuntime("rt-small", 1);
        engine.attach(small);
        engine.handle(small, new RuntimeFrame.SessionJoin("a", APPLICANT));
        engine.handle(small, new RuntimeFrame.SessionJoin("b", APPLICANT));
        assertThat(small.of(ServerFrame.Error.class)).extracting(ServerFrame.Error::code)
                .containsExactly(ErrorCode.CAPACITY_EXCEEDED);
    }

    @Test
    void approveRejectAndTakeOverAreRefusedOnASessionThatIsNotEscalated() {
        join("s-1");
        say("s-1", COOPERATIVE.get(0));
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
        for (SupervisorAction a : List.of(new SupervisorAction.Approve(null), new SupervisorAction.Reject("x"),
                new SupervisorAction.TakeOver("您好"))) {
            assertThatThrownBy(() -> engine.decide("s-1", a, "mallory")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not escalated");
        }
        assertThat(engine.session("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(audit.read("s-1")).noneMatch(r -> r.actor().equals("supervisor:mallory"));
        engine.detach(runtime);
        assertThatThrownBy(() -> engine.decideOffline("s-1", new SupervisorAction.Approve(null), "mallory"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not escalated");
    }

    @Test
    void decisionsOnUnknownSessionsAreRefusedAndOfflineOnesGoToTheStoredCopy() {
        assertThatThrownBy(() -> engine.decide("nope", new SupervisorAction.Approve(null), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.decideOffline("nope", new SupervisorAction.Approve(null), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        join("s-1");
        engine.detach(runtime);
        assertThat(engine.holds("s-1")).isFalse();
        assertThat(engine.session("s-1").orElseThrow().online()).isFalse();
        assertThatThrownBy(() -> engine.decideOffline("s-1", new SupervisorAction.TakeOver("您好"), "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("offline");

        SessionView closed = engine.decideOffline("s-1", new SupervisorAction.Close("runtime never came back"), "dan");

        assertThat(closed.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(store.load("s-1").orElseThrow().status()).isEqualTo(SessionStatus.ENDED);
        assertThat(audit.read("s-1").getLast().data()).containsEntry("reason", "runtime never came back");
        assertThat(audit.read("s-1").getLast().actor()).isEqualTo("supervisor:dan");
        assertThat(audit.verify("s-1", store.load("s-1").orElseThrow().audit().auditRecords()).valid()).isTrue();
    }

    @Test
    void consoleListsEscalatedSessionsFirst() {
        join("s-1");
        join("s-2");
        join("s-3");
        engine.handle(runtime, new RuntimeFrame.Event("s-3", EventKind.SECOND_VOICE, null));
        assertThat(engine.sessions(10, 5)).extracting(SessionView::sessionId).containsExactly("s-3", "s-1", "s-2");
        assertThat(engine.sessions(2, 5)).hasSize(2);
        assertThat(engine.sessions(10, 5).getFirst().maskedName()).isEqualTo("张*");
    }

    @Test
    void aFullIdOrPhoneNumberSaidAloudIsMaskedInTheConsoleTranscript() {
        join("s-1");
        say("s-1", "我的身份证号是110101199003071234，手机13812345678");
        String said = engine.sessions(10, 20).getFirst().transcript().stream()
                .filter(l -> l.text().contains("身份证号")).findFirst().orElseThrow().text();
        assertThat(said).doesNotContain("110101199003071234").doesNotContain("13812345678")
                .contains("1234").contains("********");
        assertThat(store.load("s-1").orElseThrow().findings().transcript()).extracting(TranscriptLine::text)
                .noneMatch(t -> t.contains("199003071234"));
    }

    private void join(String session) {
        engine.handle(runtime, new RuntimeFrame.SessionJoin(session, APPLICANT));
    }

    private void say(String session, String text) {
        engine.handle(runtime, new RuntimeFrame.AsrFinal(session, ++seq, text));
    }
}
