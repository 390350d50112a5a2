package org.finassist.server.evalanswers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One background evaluation: its questions, the verdicts so far and its state. Thread-safe. */
final class EvalRun {

    enum State { QUEUED, RUNNING, DONE, FAILED }

    private final String id;
    private final String name;
    private final List<AnswerCase> cases;
    private final String startedBy;
    private final Instant created;
    private final List<AnswerJudge.Verdict> verdicts = new ArrayList<>();
    private State state = State.QUEUED;
    private String failure;
    private Instant finished;
    private final java.util.concurrent.CompletableFuture<EvalRun> completion = new java.util.concurrent.CompletableFuture<>();

    EvalRun(String id, String name, List<AnswerCase> cases, String startedBy, Instant created) {
        this.id = id;
        this.name = name;
        this.cases = cases;
        this.startedBy = startedBy;
        this.created = created;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    List<AnswerCase> cases() {
        return cases;
    }

    String startedBy() {
        return startedBy;
    }

    Instant created() {
        return created;
    }

    synchronized State state() {
        return state;
    }

    synchronized String failure() {
        return failure;
    }

    synchronized Instant finishedAt() {
        return finished;
    }

    synchronized void running() {
        state = State.RUNNING;
    }

    synchronized void judged(AnswerJudge.Verdict v) {
        verdicts.add(v);
    }

    synchronized void finished(String failure) {
        this.failure = failure;
        state = failure == null ? State.DONE : State.FAILED;
        finished = Instant.now();
        completion.complete(this);
    }

    /** Completes when the run is done or failed. */
    java.util.concurrent.CompletableFuture<EvalRun> completion() {
        return completion;
    }

    /** The figures of the questions judged so far. */
    synchronized AnswerReport report() {
        return new AnswerReport(name, new ArrayList<>(verdicts));
    }
}
