package org.finassist.content.commentary;

/**
 * The outcome of one batch item.
 *
 * @param article the article written, or {@code null} when skipped or failed
 * @param error   why it failed (English, for operators), or {@code null}
 */
public record ItemResult(ArticleId id, ArticleStatus status, Article article, String error) {
}
