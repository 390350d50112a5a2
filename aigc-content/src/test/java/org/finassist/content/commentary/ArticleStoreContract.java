package org.finassist.content.commentary;

import org.finassist.content.guard.NarrativeAttempt;
import org.finassist.content.guard.NarrativeSource;
import org.finassist.core.guardrail.Violation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ArticleStore} promises: a done article is never replaced (so a rerun never pays twice), a
 * rejected one is, and concurrent writers of the same article leave exactly one done version. Subclasses give a
 * fresh, empty store per test.
 */
public abstract class ArticleStoreContract {

    /** A new empty store (a fresh schema for database stores). */
    protected abstract ArticleStore store();

    private static int next;

    /** An id no other test of this run uses (database stores may share a schema between tests). */
    protected static synchronized ArticleId freshId() {
        return new ArticleId(ArticleType.RECAP, String.format("%06d.SZ", ++next), LocalDate.of(2024, 9, 19), "t-c");
    }

    protected static Article article(ArticleId id, ArticleStatus status, String title) {
        return new Article(id, status, "平安银行",
                new Article.Text(title, "正文", status == ArticleStatus.DONE ? "【AI生成】" + title : "", List.of()),
                new Article.Evidence(List.of(), List.of(),
                        status == ArticleStatus.DONE ? List.of()
                                : List.of(new Violation("compliance", "TRADING_ADVICE", "建议买入", "advice")),
                        List.of(new NarrativeAttempt("model", "正文", status == ArticleStatus.DONE, List.of(), null,
                                "m", 10))),
                new Article.Generation(NarrativeSource.MODEL, "commentary", "deepseek:deepseek-chat", 100, 50,
                        new BigDecimal("0.000321")),
                Instant.parse("2024-09-19T08:00:00Z"));
    }

    @Test
    void anUnknownArticleIsNotDone() {
        assertThat(store().doneBy(freshId())).isEmpty();
    }

    @Test
    void aDoneArticleIsDoneByItsOrigin() {
        ArticleStore store = store();
        ArticleId id = freshId();
        store.save(article(id, ArticleStatus.DONE, "复盘"), "run-1");
        assertThat(store.doneBy(id)).contains("run-1");
        assertThat(store.doneBy(freshId())).as("another id").isEmpty();
    }

    @Test
    void aRejectedArticleIsNotDoneAndIsReplacedByADoneOne() {
        ArticleStore store = store();
        ArticleId id = freshId();
        store.save(article(id, ArticleStatus.REJECTED, "复盘"), "run-1");
        assertThat(store.doneBy(id)).isEmpty();
        store.save(article(id, ArticleStatus.DONE, "复盘（重写）"), "run-2");
        assertThat(store.doneBy(id)).contains("run-2");
    }

    @Test
    void aDoneArticleIsKeptWhateverComesLater() {
        ArticleStore store = store();
        ArticleId id = freshId();
        store.save(article(id, ArticleStatus.DONE, "复盘"), "run-1");
        store.save(article(id, ArticleStatus.REJECTED, "复盘"), "run-2");
        store.save(article(id, ArticleStatus.DONE, "复盘（另一个）"), "run-3");
        assertThat(store.doneBy(id)).contains("run-1");
    }

    @Test
    void concurrentWritersOfOneArticleLeaveExactlyOneDoneVersion() throws Exception {
        ArticleStore store = store();
        ArticleId id = freshId();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Set<String> failures = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String origin = "worker-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.save(article(id, ArticleStatus.DONE, "复盘"), origin);
                    } catch (RuntimeException e) {
                        failures.add(origin + ": " + e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("a losing writer is not an error").isEmpty();
        String winner = store.doneBy(id).orElseThrow();
        assertThat(winner).startsWith("worker-");
        store.save(article(id, ArticleStatus.DONE, "复盘"), "late");
        assertThat(store.doneBy(id)).contains(winner);
    }
}
