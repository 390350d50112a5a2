package org.finassist.server.evalanswers;

import org.finassist.core.assistant.AssistantService;
import org.finassist.core.assistant.TurnListener;
import org.finassist.core.assistant.TurnRequest;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;
import org.finassist.core.handoff.HandoffReason;
import org.finassist.core.chat.RouterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The chat pipeline inside this server: the same {@link AssistantService#turn} the {@code /api/chat} endpoint calls
 * (classification after the rewrite, grounding, the compliance gate, hand-off, routing), without HTTP and without
 * storing a conversation. Earlier turns are asked first and their answers kept as the history of the judged one.
 */
final class InProcessChatPipeline implements ChatPipeline {

    private final AssistantService assistant;
    private final Duration timeout;

    InProcessChatPipeline(AssistantService assistant, Duration timeout) {
        this.assistant = assistant;
        this.timeout = timeout;
    }

    @Override
    public Observed run(AnswerCase c) {
        List<Message> history = new ArrayList<>();
        for (String earlier : c.previous()) {
            Observed o = turn(history, earlier);
            if (o.error() != null) {
                return new Observed(null, "", false, "previous turn failed: " + o.error(), 0);
            }
            history.add(Message.user(earlier));
            history.add(Message.assistant(o.text()));
        }
        return turn(history, c.question());
    }

    private Observed turn(List<Message> history, String message) {
        Collector collector = new Collector();
        long start = System.nanoTime();
        try {
            assistant.turn(new TurnRequest(history, message, null, List.of(), false), collector);
            if (!collector.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Observed(collector.scenario, collector.text.toString(), collector.handoff, "timeout",
                        millis(start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Observed(null, "", false, "interrupted", millis(start));
        } catch (RuntimeException e) {
            return new Observed(null, "", false, "exception: " + e.getClass().getSimpleName(), millis(start));
        }
        return new Observed(collector.scenario, collector.text.toString(), collector.handoff, collector.error,
                millis(start));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** What the widget would have received: the scenario, the text deltas, a hand-off, an error. */
    private static final class Collector implements TurnListener {
        final CountDownLatch done = new CountDownLatch(1);
        final StringBuffer text = new StringBuffer();
        volatile String scenario;
        volatile boolean handoff;
        volatile String error;

        @Override
        public void onClassified(Classification classification) {
            scenario = classification.scenario().id();
        }

        @Override
        public void onCitations(List<Passage> citations) {
        }

        @Override
        public void onContent(String delta) {
            text.append(delta);
        }

        @Override
        public void onHandoff(HandoffReason reason, String message) {
            handoff = true;
        }

        @Override
        public void onComplete(Completion completion) {
            done.countDown();
        }

        @Override
        public void onError(RouterException e) {
            error = e.kind().name().toLowerCase(java.util.Locale.ROOT);
            done.countDown();
        }
    }
}
