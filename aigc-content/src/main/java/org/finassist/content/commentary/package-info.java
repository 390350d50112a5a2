/**
 * AIGC market commentary: 盯盘 alerts, 复盘 recaps (per stock and a market overview), 策略 notes and 30–60 s
 * short-video scripts, written from anomaly facts through the {@code commentary} route (or the local templates),
 * checked by the number-grounding, compliance and disclosure guardrails, and exported as Markdown and JSON. Batch
 * items are idempotent by {@link org.finassist.content.commentary.ArticleId}: {@link
 * org.finassist.content.commentary.CommentaryItems} skips what an {@link org.finassist.content.commentary.ArticleStore}
 * already holds, so a rerun or a resumed run never pays a model twice for a finished article.
 */
package org.finassist.content.commentary;
