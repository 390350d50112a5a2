package org.finassist.core.provider.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void secondsDatesAndGarbage() {
        assertThat(RetryAfter.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 1.5 ")).isEqualTo(Duration.ofMillis(1500));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(70));
        assertThat(RetryAfter.parse(inAMinute)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(71));
        assertThat(RetryAfter.parse("soon")).isNull();
        assertThat(RetryAfter.parse("-5")).isNull();
    }

    @Test
    void hugeValuesSaturateInsteadOfOverflowing() {
        assertThat(RetryAfter.parse("10000000000")).isEqualTo(RetryAfter.CEILING);
        assertThat(RetryAfter.parse("9".repeat(400))).isEqualTo(RetryAfter.CEILING);
        assertThat(RetryAfter.parse("86400")).isEqualTo(Duration.ofDays(1));
        assertThat(RetryAfter.parse("10000000000").toNanos()).isPositive();
    }
}
