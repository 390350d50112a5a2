package org.finassist.server.funnel;

/**
 * What happened in one opening session, as the guide and its checks report it. Steps are the guide's step ids
 * ({@code phone}, {@code idCard}, ...); reasons are stable codes (a rule such as {@code smsCode.FORMAT}, a photo
 * check such as {@code blur}), never personal data.
 */
public sealed interface FunnelEvent {

    /** The step the event belongs to, or null when it belongs to the session as a whole. */
    String step();

    /** Why, for failures and escalations; null otherwise. */
    default String reason() {
        return null;
    }

    EventKind kind();

    /** The customer reached a step. */
    record StepEntered(String step) implements FunnelEvent {
        public EventKind kind() {
            return EventKind.STEP_ENTERED;
        }
    }

    /** A step passed its validation. */
    record StepCompleted(String step) implements FunnelEvent {
        public EventKind kind() {
            return EventKind.STEP_COMPLETED;
        }
    }

    /** A submission of the step broke {@code rule} (field and code, e.g. {@code mobile.FORMAT}). */
    record ValidationFailed(String step, String rule) implements FunnelEvent {
        public String reason() {
            return rule;
        }

        public EventKind kind() {
            return EventKind.VALIDATION_FAILED;
        }
    }

    /** An ID photo of the session was rejected; {@code reason} is the first failed check or finding. */
    record PhotoRejected(String reason) implements FunnelEvent {
        public String step() {
            return "idCard";
        }

        public EventKind kind() {
            return EventKind.PHOTO_REJECTED;
        }
    }

    /** The video witness passed. */
    record WitnessPassed() implements FunnelEvent {
        public String step() {
            return "videoWitness";
        }

        public EventKind kind() {
            return EventKind.WITNESS_PASSED;
        }
    }

    /** The video witness was handed to a human supervisor. */
    record WitnessEscalated(String reason) implements FunnelEvent {
        public String step() {
            return "videoWitness";
        }

        public EventKind kind() {
            return EventKind.WITNESS_ESCALATED;
        }
    }

    /** The video witness was rejected or abandoned. */
    record WitnessFailed(String reason) implements FunnelEvent {
        public String step() {
            return "videoWitness";
        }

        public EventKind kind() {
            return EventKind.WITNESS_FAILED;
        }
    }

    /** The application was submitted: the last step is done. */
    record Submitted() implements FunnelEvent {
        public String step() {
            return "submission";
        }

        public EventKind kind() {
            return EventKind.SUBMITTED;
        }
    }
}
