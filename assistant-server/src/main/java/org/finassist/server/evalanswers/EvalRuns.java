package org.finassist.server.evalanswers;

import org.finassist.core.assistant.AssistantService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answer evaluations started from {@code /manage}: one at a time in the background (they share the server's model
 * and CPU with customers), through the same chat pipeline customers get ({@link InProcessChatPipeline}), with
 * progress after every question. Kept in memory, the newest {@link #KEPT} only: a run is a report to read, not a
 * record (the CLI's {@code --out} writes one to keep).
 */
@Component
class EvalRuns implements DisposableBean {

    static final int KEPT = 20;
    static final int MAX_QUESTIONS = 2_000;
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(90);

    private final ChatPipeline pipeline;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eval-answers");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, EvalRun> runs = Collections.synchronizedMap(new LinkedHashMap<>());

    @org.springframework.beans.factory.annotation.Autowired
    EvalRuns(AssistantService assistant) {
        this(new InProcessChatPipeline(assistant, TURN_TIMEOUT));
    }

    EvalRuns(ChatPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Queues a run of {@code cases}; returns it at once (state {@code queued}). */
    EvalRun start(String name, List<AnswerCase> cases, String startedBy) {
        EvalRun run = new EvalRun(UUID.randomUUID().toString(), name, List.copyOf(cases), startedBy, Instant.now());
        synchronized (runs) {
            runs.put(run.id(), run);
            while (runs.size() > KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        worker.submit(() -> execute(run));
        return run;
    }

    Optional<EvalRun> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Newest first. */
    List<EvalRun> list() {
        synchronized (runs) {
            List<EvalRun> out = new ArrayList<>(runs.values());
            out.sort(Comparator.comparing(EvalRun::created).reversed());
            return out;
        }
    }

    private void execute(EvalRun run) {
        run.running();
        try {
            for (AnswerCase c : run.cases()) {
                run.judged(AnswerJudge.judge(c, pipeline.run(c)));
            }
            run.finished(null);
        } catch (RuntimeException e) {
            run.finished(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
