package org.finassist.server.commentary;

import org.finassist.content.commentary.ReviewPolicy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an article stands in content-ops review ({@code commentary_article.review_state}). */
enum ReviewState {
    /** Waits for a reviewer. */
    PENDING,
    /** May be published: by a reviewer, or by {@code auto} when every check passed. */
    APPROVED,
    /** A reviewer refused it, with a reason. */
    REJECTED,
    /** The article failed its own checks: never publishable, not in the queue. */
    BLOCKED;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ReviewState> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.id().equalsIgnoreCase(s == null ? "" : s.strip())).findFirst();
    }

    static ReviewState of(ReviewPolicy.Decision d) {
        return switch (d) {
            case PENDING -> PENDING;
            case AUTO_APPROVED -> APPROVED;
            case NOT_PUBLISHABLE -> BLOCKED;
        };
    }
}
