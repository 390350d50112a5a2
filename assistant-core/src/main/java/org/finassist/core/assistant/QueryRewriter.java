package org.finassist.core.assistant;

import java.util.List;

import org.finassist.core.chat.Message;
import org.finassist.core.router.ModelRouter;
import org.finassist.prompts.PromptRenderer;

/**
 * Turns a follow-up message ("那手续费呢？") into a standalone question for retrieval, using the conversation before
 * it. Implementations never throw: when they cannot do better they return the message as it is.
 */
public interface QueryRewriter {

    /**
     * @param history earlier messages of the conversation, oldest first (PII already masked where stored)
     * @param message the customer's new message
     * @return the question to retrieve with
     */
    String rewrite(List<Message> history, String message);

    /** The local heuristic: joins a short message that leans on the context with the previous user question. */
    static QueryRewriter local() {
        return FollowUp::retrievalQuery;
    }

    /**
     * Asks the router's {@code route} to rewrite follow-ups when that route has a started provider; falls back to
     * {@link #local()} when it has none, when only the local model answered, or when the call fails.
     */
    static QueryRewriter viaRouter(ModelRouter router, PromptRenderer prompts, String route) {
        return new RouterQueryRewriter(router, prompts, route, local());
    }
}
