package org.finassist.server.market;

import org.finassist.content.tushare.TushareConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code finassist.content.tushare.*}: the production market-data API, used when
 * {@code finassist.content.market-source: tushare}.
 *
 * @param token             the Tushare Pro token (from the environment, {@code TUSHARE_TOKEN}); never logged
 * @param baseUrl           default {@code http://api.tushare.pro}
 * @param requestsPerMinute default 180 (under the common 200/min per API)
 * @param timeout           per call, default 15s
 * @param basicsTtl         how long stock_basic and the calendar are cached, default 6h
 * @param adjust            {@code none} (default, raw prices as limit checks need) or {@code forward} (前复权)
 * @param masterRefresh     how often the refresh job reloads the securities master from stock_basic + namechange
 *                          (default 1d; 0 = never)
 */
@ConfigurationProperties("finassist.content.tushare")
public record TushareProperties(String token, URI baseUrl, Integer requestsPerMinute, Duration timeout,
                                Duration basicsTtl, TushareConfig.Adjustment adjust, Duration masterRefresh) {

    public TushareProperties {
        baseUrl = baseUrl == null ? TushareConfig.DEFAULT_URL : baseUrl;
        requestsPerMinute = requestsPerMinute == null ? 180 : requestsPerMinute;
        masterRefresh = masterRefresh == null ? Duration.ofDays(1) : masterRefresh;
    }

    /** The adapter configuration; throws when no token is set. */
    public TushareConfig config() {
        return new TushareConfig(baseUrl, token, requestsPerMinute, timeout, basicsTtl, adjust);
    }

    @Override
    public String toString() {
        return "TushareProperties[" + baseUrl + ", token=" + (token == null || token.isBlank() ? "unset" : "***") + "]";
    }
}
