package org.finassist.content.diagnosis;

/**
 * A diagnosis could not be made. {@link #customerMessage()} is Chinese for the customer; {@link #getMessage()} is
 * English for operators.
 */
public final class DiagnosisException extends RuntimeException {

    /** Why no diagnosis was made. */
    public enum Reason { UNKNOWN_SYMBOL, NOT_A_STOCK, SUSPENDED, INSUFFICIENT_HISTORY, BAD_DATA }

    private final Reason reason;
    private final String customerMessage;

    DiagnosisException(Reason reason, String customerMessage, String operatorMessage, Throwable cause) {
        super(operatorMessage, cause);
        this.reason = reason;
        this.customerMessage = customerMessage;
    }

    public Reason reason() {
        return reason;
    }

    public String customerMessage() {
        return customerMessage;
    }
}
