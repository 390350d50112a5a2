package org.finassist.core.provider.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WatchdogTest {

    @Test
    void disarmedInTimeItNeverFires() {
        AtomicInteger fired = new AtomicInteger();
        Watchdog watchdog = new Watchdog(fired::incrementAndGet);
        watchdog.arm(TimeUnit.HOURS.toNanos(1));

        assertThat(watchdog.disarm()).isTrue();
        assertThat(watchdog.expired()).isFalse();
        assertThat(fired).hasValue(0);
    }

    @Test
    void disarmedAfterItFiredItSaysSo() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        Watchdog watchdog = new Watchdog(fired::countDown);
        watchdog.arm(1);
        assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(watchdog.disarm()).isFalse();
        assertThat(watchdog.expired()).isTrue();
    }

    @Test
    void neverArmedIsDisarmed() {
        assertThat(new Watchdog(() -> { }).disarm()).isTrue();
    }
}
