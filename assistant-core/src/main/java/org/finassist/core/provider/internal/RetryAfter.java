package org.finassist.core.provider.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Parses Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration of(HttpHeaders headers) {
        return headers.firstValue("retry-after").map(RetryAfter::parse).orElse(null);
    }

    static Duration parse(String value) {
        String v = value.trim();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unparseable) {
                return null;
            }
        }
    }
}
