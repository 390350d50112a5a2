package org.finassist.content.market;

/** Market data could not be provided; the message is for operators (English), {@link #reason()} for callers. */
public final class MarketDataException extends RuntimeException {

    /** Why no data could be provided. */
    public enum Reason { UNKNOWN_SYMBOL, MALFORMED_DATA, NO_DATA }

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
