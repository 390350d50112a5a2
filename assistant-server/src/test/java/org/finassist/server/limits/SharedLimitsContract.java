package org.finassist.server.limits;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SharedLimits} backend must do; run on memory and on PostgreSQL. */
abstract class SharedLimitsContract {

    /** A clock the test moves by hand, so lapsed leases are tested without waiting. */
    static final class HandClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-06T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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

    final HandClock clock = new HandClock();
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";

    /** A second handle on the same backend (another node), or the same instance for one-node backends. */
    abstract SharedLimits limits();

    abstract SharedLimits otherNode();

    @Test
    void aBucketGivesItsCapacityThenRefuses() {
        SharedLimits.Rate rate = SharedLimits.Rate.perMinute(3);
        assertThat(limits().tryConsume(prefix + "rpm", 2, rate)).isTrue();
        assertThat(otherNode().tryConsume(prefix + "rpm", 1, rate)).isTrue();
        assertThat(limits().tryConsume(prefix + "rpm", 1, rate)).isFalse();
        assertThat(otherNode().tryConsume(prefix + "rpm", 1, rate)).isFalse();
    }

    @Test
    void forcedConsumptionPutsTheBucketIntoDebt() {
        SharedLimits.Rate rate = SharedLimits.Rate.perMinute(1000);
        limits().consume(prefix + "tpm", 1500, rate);
        assertThat(otherNode().tryConsume(prefix + "tpm", 1, rate)).isFalse();
    }

    @Test
    void leasesHoldTheLimitAcrossNodesAndAReleasedSlotIsReused() {
        List<SharedLimits.Lease> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add((i % 2 == 0 ? limits() : otherNode()).tryAcquire(prefix + "conc", 4, Duration.ofSeconds(60))
                    .orElseThrow());
        }
        assertThat(limits().tryAcquire(prefix + "conc", 4, Duration.ofSeconds(60))).isEmpty();
        assertThat(otherNode().tryAcquire(prefix + "conc", 4, Duration.ofSeconds(60))).isEmpty();
        otherNode().release(held.getFirst());
        otherNode().release(held.getFirst());
        assertThat(limits().tryAcquire(prefix + "conc", 4, Duration.ofSeconds(60))).isPresent();
        assertThat(otherNode().tryAcquire(prefix + "conc", 4, Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void aDeadNodesLeasesLapseAtTheirExpiry() {
        for (int i = 0; i < 2; i++) {
            assertThat(limits().tryAcquire(prefix + "dead", 2, Duration.ofSeconds(30))).isPresent();
        }
        assertThat(otherNode().tryAcquire(prefix + "dead", 2, Duration.ofSeconds(30))).isEmpty();
        clock.now = clock.now.plusSeconds(31);
        assertThat(otherNode().tryAcquire(prefix + "dead", 2, Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void racingCallersGetExactlyTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<SharedLimits.Lease>>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                SharedLimits node = i % 2 == 0 ? limits() : otherNode();
                calls.add(() -> node.tryAcquire(prefix + "race", 4, Duration.ofSeconds(60)));
            }
            int granted = 0;
            for (Future<Optional<SharedLimits.Lease>> f : pool.invokeAll(calls)) {
                granted += f.get().isPresent() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCircuitOpenedOnOneNodeIsOpenOnTheOtherUntilClosed() {
        Instant until = clock.now.plusSeconds(30);
        assertThat(otherNode().openUntil(prefix + "p")).isEqualTo(Instant.EPOCH);
        limits().open(prefix + "p", until);
        otherNode().open(prefix + "p", until.minusSeconds(10));
        assertThat(otherNode().openUntil(prefix + "p")).isEqualTo(until);
        otherNode().close(prefix + "p");
        assertThat(limits().openUntil(prefix + "p")).isEqualTo(Instant.EPOCH);
    }
}
