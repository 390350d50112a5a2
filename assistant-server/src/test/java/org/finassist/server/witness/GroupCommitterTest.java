package org.finassist.server.witness;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitterTest {

    /** Counts commits and rollbacks; the work itself records what ran. */
    static final class CountingManager implements PlatformTransactionManager {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        public void rollback(TransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }

    @Test
    void concurrentCallersShareTransactionsAndAllReturnAfterTheirCommit() throws Exception {
        CountingManager manager = new CountingManager();
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        try (GroupCommitter committer = new GroupCommitter(new TransactionTemplate(manager), 1)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                callers.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    committer.inTransaction(() -> sleepQuietly(1));
                    done.add(n);
                }));
            }
            start.countDown();
            for (Thread t : callers) {
                t.join();
            }
        }
        assertThat(done).hasSize(200);
        assertThat(manager.commits.get()).isLessThan(200);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnCaller() throws Exception {
        CountingManager manager = new CountingManager();
        AtomicInteger good = new AtomicInteger();
        try (GroupCommitter committer = new GroupCommitter(new TransactionTemplate(manager), 1)) {
            CountDownLatch blocker = new CountDownLatch(1);
            Thread first = Thread.ofVirtual().start(() -> committer.inTransaction(() -> await(blocker)));
            Thread.sleep(50);
            Thread ok = Thread.ofVirtual().start(() -> committer.inTransaction(good::incrementAndGet));
            List<Throwable> failure = new ArrayList<>();
            Thread bad = Thread.ofVirtual().start(() -> {
                try {
                    committer.inTransaction(() -> {
                        throw new IllegalArgumentException("duplicate key");
                    });
                } catch (RuntimeException e) {
                    failure.add(e);
                }
            });
            Thread.sleep(50);
            blocker.countDown();
            first.join();
            ok.join();
            bad.join();
            assertThat(failure).singleElement().satisfies(e -> assertThat(e).hasMessage("duplicate key"));
        }
        assertThat(good.get()).isGreaterThanOrEqualTo(1);
        assertThat(manager.rollbacks.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aClosedCommitterRefusesWork() {
        GroupCommitter committer = new GroupCommitter(new TransactionTemplate(new CountingManager()), 1);
        committer.close();
        assertThatThrownBy(() -> committer.inTransaction(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
