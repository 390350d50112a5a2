package org.finassist.content.market;

/** Market data could not be provided; the message is for operators (English), {@link #reason()} for callers. */
public final class MarketDataException extends RuntimeException {

    /** Why no data could be provided. */
    public enum Reason {
        UNKNOWN_SYMBOL, MALFORMED_DATA, NO_DATA,
        /** The data API refused the credentials (a bad or expired token). */
        AUTH,
        /** The data API's rate limit was hit; retry later. */
        RATE_LIMITED,
        /** The date asked for is not a trading day (weekend or exchange holiday). */
        NOT_TRADING_DAY,
        /** The data API could not be reached or answered with an error. */
        UNAVAILABLE
    }

    private final Reason reason;

    public MarketDataException(Reason reason, String message) {
        this(reason, message, null);
    }

    public MarketDataException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
