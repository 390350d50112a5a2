package org.finassist.dh.session;

/** What a supervisor can decide for a session. */
public sealed interface SupervisorAction {

    /** Accept the current step (or the whole witness, after the last step) and go on. */
    record Approve(String note) implements SupervisorAction {
    }

    /** Fail the witness and end the session. */
    record Reject(String reason) implements SupervisorAction {
    }

    /** Interrupt the digital human and say this text through it. */
    record TakeOver(String text) implements SupervisorAction {
        public TakeOver {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("take-over text is required");
            }
        }
    }

    /**
     * End the session as abandoned with a reason: for a session whose runtime never came back (offline) or a
     * customer who is gone.
     */
    record Close(String reason) implements SupervisorAction {
        public Close {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a reason is required to close a session");
            }
        }
    }

    /** Ask the current step again from its first attempt. */
    record RestartStep() implements SupervisorAction {
    }
}
