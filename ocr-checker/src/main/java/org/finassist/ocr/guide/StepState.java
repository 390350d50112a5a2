package org.finassist.ocr.guide;

import java.util.List;
import java.util.Map;

/**
 * Where one step stands: its status, what is wrong (empty when nothing is), and the stored values as they may be
 * shown (personal data masked, secrets never).
 */
public record StepState(String step, String title, Status status, String hint, List<Problem> problems,
                        Map<String, String> values) {

    public enum Status {
        /** Not reachable yet: an earlier step is not done. */
        LOCKED,
        /** The next step to do. */
        OPEN,
        /** Submitted with problems to fix. */
        NEEDS_FIX,
        DONE
    }
}
