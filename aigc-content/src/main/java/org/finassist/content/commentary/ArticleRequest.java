package org.finassist.content.commentary;

import org.finassist.content.anomaly.Breadth;

import java.util.Objects;

/**
 * One batch item: the article to write and what it needs beyond one stock's own data.
 *
 * @param breadth the universe's breadth for market-level articles (computed once when the run was planned), or
 *                {@code null} for stock articles
 */
public record ArticleRequest(ArticleId id, Breadth breadth) {

    public ArticleRequest {
        Objects.requireNonNull(id, "id");
        if (!id.type().perStock() && breadth == null) {
            throw new IllegalArgumentException(id + " is market-level and needs the universe's breadth");
        }
    }
}
