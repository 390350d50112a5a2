package org.finassist.server.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code finassist.keys.*}.
 *
 * @param zone           the zone whose calendar days and months the budgets count in (default Asia/Shanghai)
 * @param spendFlush     how often the spend of keys without a budget is written (default 2 s; keys with a budget
 *                       are written at the end of each request, so every node checks the same total)
 * @param spendBufferRows most distinct key/model/day rows waiting for the flush (default 10000); past it spend is
 *                       written at once
 */
@ConfigurationProperties("finassist.keys")
public record KeysProperties(ZoneId zone, Duration spendFlush, Integer spendBufferRows) {

    public KeysProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        spendFlush = spendFlush == null || spendFlush.isNegative() || spendFlush.isZero()
                ? Duration.ofSeconds(2) : spendFlush;
        spendBufferRows = spendBufferRows == null || spendBufferRows <= 0 ? 10_000 : spendBufferRows;
    }
}
