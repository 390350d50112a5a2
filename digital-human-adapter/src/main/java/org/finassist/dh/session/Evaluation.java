package org.finassist.dh.session;

/** What one answer means for the current step. */
sealed interface Evaluation {

    String reason();

    record Pass(String reason) implements Evaluation {
    }

    record Retry(String reason) implements Evaluation {
    }

    record Escalate(String reason) implements Evaluation {
    }

    record OffScript(String reason) implements Evaluation {
    }
}
