package org.finassist.server.commentary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Content-ops review: pending articles are approved (and then published through the {@link PublishHook}) or
 * rejected with a reason. Approvals and publication are separate steps in the database, so an article whose hook
 * failed stays approved and is published by the next {@link #publishApproved()} pass.
 */
final class ReviewQueue {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);
    private static final int PUBLISH_BATCH = 500;

    /** Why a decision was refused. */
    enum Refusal { NOT_FOUND, NOT_PENDING, REVIEWER_REQUIRED, REASON_REQUIRED }

    /** A decision the queue refused. */
    static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    private final JdbcArticleStore store;
    private final PublishHook hook;
    private final Clock clock;

    ReviewQueue(JdbcArticleStore store, PublishHook hook, Clock clock) {
        this.store = store;
        this.hook = hook;
        this.clock = clock;
    }

    PublishHook hook() {
        return hook;
    }

    List<JdbcArticleStore.ReviewItem> list(ReviewState state, int limit, int offset) {
        return store.queue(state, limit, offset);
    }

    java.util.Map<String, Integer> counts() {
        return store.reviewCounts();
    }

    Optional<JdbcArticleStore.ReviewItem> get(String id) {
        return store.reviewItem(id);
    }

    /** Approves a pending article and publishes it; the answer says whether the hook took it. */
    JdbcArticleStore.ReviewItem approve(String id, String reviewer) {
        decide(id, ReviewState.APPROVED, reviewer, null);
        publish(id);
        return store.reviewItem(id).orElseThrow();
    }

    JdbcArticleStore.ReviewItem reject(String id, String reviewer, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RefusedException(Refusal.REASON_REQUIRED, "A rejection needs a reason");
        }
        decide(id, ReviewState.REJECTED, reviewer, reason.strip());
        return store.reviewItem(id).orElseThrow();
    }

    /** Publishes every approved, unpublished article (auto-approved ones, and retries after a hook failure). */
    int publishApproved() {
        int n = 0;
        for (String id : store.approvedUnpublished(PUBLISH_BATCH)) {
            if (publish(id)) {
                n++;
            }
        }
        return n;
    }

    private void decide(String id, ReviewState to, String reviewer, String reason) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new RefusedException(Refusal.REVIEWER_REQUIRED, "A decision needs the reviewer's name");
        }
        if (!store.decide(id, to, reviewer.strip(), reason, now())) {
            throw store.reviewItem(id).map(i -> new RefusedException(Refusal.NOT_PENDING,
                            "Article " + id + " is " + i.reviewState() + ", not pending"))
                    .orElseGet(() -> new RefusedException(Refusal.NOT_FOUND, "No article " + id));
        }
        log.info("Article {} {} by {}", id, to.id(), reviewer.strip());
    }

    private boolean publish(String id) {
        if (!store.claimPublication(id, now())) {
            return false; // published already, or another node is on it
        }
        JdbcArticleStore.ReviewItem item = store.reviewItem(id).orElseThrow();
        try {
            hook.publish(new PublishHook.Approved(item.id(), item.type(), item.subject(), item.date(), item.title(),
                    item.reviewer(), item.markdown(), store.json(id).orElse("{}")));
            return true;
        } catch (PublishHook.PublishException e) {
            log.warn("Publishing {} failed ({}); it stays approved and is retried", id, e.getMessage());
            store.publishFailed(id, e.getMessage());
            return false;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
