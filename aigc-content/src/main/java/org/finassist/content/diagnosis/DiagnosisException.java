package org.finassist.content.diagnosis;

import org.finassist.content.market.Symbol;

import java.util.List;

/**
 * A diagnosis could not be made. {@link #customerMessage()} is Chinese for the customer; {@link #getMessage()} is
 * English for operators.
 */
public final class DiagnosisException extends RuntimeException {

    /** Why no diagnosis was made. */
    public enum Reason { UNKNOWN_SYMBOL, AMBIGUOUS, NOT_A_STOCK, SUSPENDED, INSUFFICIENT_HISTORY, BAD_DATA }

    private final Reason reason;
    private final String customerMessage;
    private final List<Symbol> candidates;

    DiagnosisException(Reason reason, String customerMessage, String operatorMessage, Throwable cause) {
        this(reason, customerMessage, operatorMessage, cause, List.of());
    }

    DiagnosisException(Reason reason, String customerMessage, String operatorMessage, Throwable cause,
                       List<Symbol> candidates) {
        super(operatorMessage, cause);
        this.reason = reason;
        this.customerMessage = customerMessage;
        this.candidates = List.copyOf(candidates);
    }

    /** The stocks a customer may have meant ({@link Reason#AMBIGUOUS}); empty otherwise. */
    public List<Symbol> candidates() {
        return candidates;
    }

    public Reason reason() {
        return reason;
    }

    public String customerMessage() {
        return customerMessage;
    }
}
