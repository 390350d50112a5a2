package org.finassist.content.tushare;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Tushare Pro.
 *
 * @param baseUrl           the API endpoint (Tushare's documented {@code http://api.tushare.pro})
 * @param token             the account's token; never logged, never in an error message
 * @param requestsPerMinute calls per minute this process makes at most (the account's limit per API, e.g. 200)
 * @param timeout           per request
 * @param basicsTtl         how long stock_basic and the calendar are kept before asking again
 * @param adjust            {@code NONE}: raw prices (limit checks need them); {@code FORWARD}: 前复权 by adj_factor
 */
public record TushareConfig(URI baseUrl, String token, int requestsPerMinute, Duration timeout, Duration basicsTtl,
                            Adjustment adjust) {

    /** Price adjustment of daily bars. */
    public enum Adjustment { NONE, FORWARD }

    public static final URI DEFAULT_URL = URI.create("http://api.tushare.pro");

    public TushareConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A Tushare token is required (finassist.content.tushare.token)");
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        basicsTtl = basicsTtl == null ? Duration.ofHours(6) : basicsTtl;
        adjust = adjust == null ? Adjustment.NONE : adjust;
    }

    @Override
    public String toString() {
        return "TushareConfig[" + baseUrl + ", token=***, " + requestsPerMinute + "/min, adjust=" + adjust + "]";
    }
}
