package org.finassist.core.guardrail;

import java.util.List;

/**
 * Told about every rejected generated text, for metrics and audit. Implementations must be thread-safe and must
 * not log personal data (generated market texts carry none, but sentences are quoted).
 */
@FunctionalInterface
public interface RejectionListener {

    RejectionListener NONE = (scenario, violations) -> { };

    /**
     * @param scenario   the route/scenario whose output was rejected, e.g. {@code stock-diagnosis}
     * @param violations why
     */
    void rejected(String scenario, List<Violation> violations);
}
