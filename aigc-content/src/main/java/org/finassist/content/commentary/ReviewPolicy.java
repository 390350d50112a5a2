package org.finassist.content.commentary;

/**
 * Which written articles content-ops must read before they are published. An article that passed every check on
 * its first text (no violation, no regeneration, no model error) may be approved automatically; a configured share of
 * those is still sampled into the queue, chosen by the article id so the choice is the same on every node and rerun.
 *
 * @param autoApprove  approve clean articles without a reviewer
 * @param samplingRate share in [0, 1] of clean articles that go to the queue anyway (1 = every article is read)
 */
public record ReviewPolicy(boolean autoApprove, double samplingRate) {

    /** Every article waits for a reviewer. */
    public static final ReviewPolicy REVIEW_ALL = new ReviewPolicy(false, 1.0);

    /** Where an article goes after it is written. */
    public enum Decision { PENDING, AUTO_APPROVED, NOT_PUBLISHABLE }

    public ReviewPolicy {
        if (!(samplingRate >= 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("samplingRate must be in [0, 1]: " + samplingRate);
        }
    }

    public Decision decide(Article a) {
        if (a.status() != ArticleStatus.DONE) {
            return Decision.NOT_PUBLISHABLE;
        }
        if (!autoApprove || !passedEverything(a) || sampled(a.id())) {
            return Decision.PENDING;
        }
        return Decision.AUTO_APPROVED;
    }

    /** No violation in the final text, and the first attempt was accepted without an error. */
    public static boolean passedEverything(Article a) {
        return a.evidence().checks().isEmpty() && !a.evidence().attempts().isEmpty() && a.evidence().attempts().getFirst().accepted()
                && a.evidence().attempts().getFirst().error() == null && a.evidence().attempts().getFirst().violations().isEmpty();
    }

    /** Deterministic: the same id is sampled or not everywhere (a stable hash of its text into 10,000 buckets). */
    boolean sampled(ArticleId id) {
        if (samplingRate >= 1) {
            return true;
        }
        int h = id.value().hashCode() * 0x9E3779B1;
        return Math.floorMod(h, 10_000) < Math.round(samplingRate * 10_000);
    }
}
