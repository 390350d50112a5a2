package org.finassist.content.commentary;

/** What became of one batch item. */
public enum ArticleStatus {
    /** Written, checked and stored for publication. */
    DONE,
    /** The model's text failed the checks twice; stored with its violations, not published. */
    REJECTED,
    /** An error stopped the article (bad market data, a bug); nothing stored. */
    FAILED,
    /** Already stored as done by an earlier run; no model call. */
    SKIPPED,
    /** The run was cancelled before the item started. */
    CANCELLED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
