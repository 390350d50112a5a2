package org.finassist.server.chat;

import java.util.List;

/**
 * Body of {@code POST /api/chat}.
 *
 * @param conversationId  continue this conversation; null starts a new one
 * @param message         the customer's message (at most 2,000 characters)
 * @param scenario        qa, stock-diagnosis, … or null to classify
 * @param knowledgeBases  knowledge bases this request may read; empty = the default
 * @param showReasoning   stream the model's reasoning too (hidden by default)
 * @param turnId          optional client id of this question ([A-Za-z0-9_-], at most 64); the same id sent again
 *                        (a retry after a dropped connection) replays a finished answer instead of asking again
 */
record ChatRequestBody(String conversationId, String message, String scenario, List<String> knowledgeBases,
                       Boolean showReasoning, String turnId) {
}
