package org.finassist.ocr.intake;

/** An upload refused by {@link ImageIntake}; the message is operator-facing, {@link #error()} is for customers. */
public final class IntakeException extends Exception {

    private final IntakeError error;

    IntakeException(IntakeError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    IntakeException(IntakeError error, String detail, Throwable cause) {
        super(error + ": " + detail, cause);
        this.error = error;
    }

    public IntakeError error() {
        return error;
    }
}
