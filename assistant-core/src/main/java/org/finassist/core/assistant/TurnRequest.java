package org.finassist.core.assistant;

import org.finassist.core.chat.Message;
import org.finassist.core.router.Scenario;

import java.util.List;

/**
 * One customer turn: the earlier messages of the conversation, the new message, an optional scenario (null =
 * classify), the knowledge bases it may read, and whether the model's reasoning may be shown.
 */
public record TurnRequest(List<Message> history, String message, Scenario scenario, List<String> knowledgeBases,
                          boolean showReasoning) {

    public TurnRequest {
        history = history == null ? List.of() : List.copyOf(history);
        knowledgeBases = knowledgeBases == null ? List.of() : List.copyOf(knowledgeBases);
    }
}
