package org.finassist.server.witness;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SilenceWatchTest {

    private final AtomicLong now = new AtomicLong();
    private final SilenceWatch watch = new SilenceWatch(3_000, now::get);

    @Test
    void aConnectionIsSilentOnlyAfterTheLimitAndIsReportedOnce() {
        watch.seen("a");
        watch.seen("b");
        now.set(2_000);
        watch.seen("b");
        assertThat(watch.silent()).isEmpty();
        now.set(3_001);
        assertThat(watch.silent()).containsExactly("a");
        assertThat(watch.silent()).isEmpty();
        now.set(5_001);
        assertThat(watch.silent()).containsExactly("b");
    }

    @Test
    void aForgottenConnectionIsNeverReported() {
        watch.seen("a");
        watch.forget("a");
        now.set(10_000);
        assertThat(watch.silent()).isEmpty();
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new SilenceWatch(0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
