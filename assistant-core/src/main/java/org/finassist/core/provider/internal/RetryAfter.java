package org.finassist.core.provider.internal;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), saturating: any value, however large,
 * becomes a Duration that later arithmetic cannot overflow. The router caps it again by its maximum cool-down.
 */
final class RetryAfter {

    /** A day is more than any sane Retry-After; values above saturate here. */
    static final Duration CEILING = Duration.ofDays(1);
    private static final BigDecimal CEILING_MILLIS = BigDecimal.valueOf(CEILING.toMillis());
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private RetryAfter() {
    }

    static Duration of(HttpHeaders headers) {
        return headers.firstValue("retry-after").map(RetryAfter::parse).orElse(null);
    }

    /** A Retry-After header value, or null when there is none. */
    static Duration ofValue(String value) {
        return value == null ? null : parse(value);
    }

    static Duration parse(String value) {
        String v = value.trim();
        if (v.matches("\\d{1,4000}(\\.\\d{0,9})?")) {
            // BigDecimal cannot overflow, so 10000000000 (or 10^4000) saturates instead of throwing
            BigDecimal millis = new BigDecimal(v).multiply(THOUSAND).min(CEILING_MILLIS);
            return Duration.ofMillis(millis.longValue());
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return d.isNegative() ? Duration.ZERO : d.compareTo(CEILING) > 0 ? CEILING : d;
        } catch (RuntimeException unparseable) {
            return null;
        }
    }
}
