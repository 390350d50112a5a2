package org.finassist.core.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat request to the router.
 *
 * @param route       a route name ({@code qa}, {@code general} …), or a {@code provider:model} pair, or null to
 *                    classify from the text
 * @param parameters  sampling and OpenAI passthrough parameters ({@code temperature}, {@code max_tokens},
 *                    {@code tools}, {@code tool_choice}, {@code response_format} …), sent as given
 * @param grounding   passages and facts the answer must rest on (the local model answers only from these)
 * @param deadline    overall deadline across all attempts; null uses the router's default
 */
public record CompletionRequest(String route, List<Message> messages, Map<String, Object> parameters,
                                Grounding grounding, Duration deadline) {

    public CompletionRequest {
        Objects.requireNonNull(messages, "messages");
        messages = List.copyOf(messages);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        grounding = grounding == null ? Grounding.NONE : grounding;
    }

    public static CompletionRequest of(String route, List<Message> messages) {
        return new CompletionRequest(route, messages, Map.of(), Grounding.NONE, null);
    }

    public CompletionRequest withRoute(String newRoute) {
        return new CompletionRequest(newRoute, messages, parameters, grounding, deadline);
    }

    public CompletionRequest withGrounding(Grounding newGrounding) {
        return new CompletionRequest(route, messages, parameters, newGrounding, deadline);
    }

    /** The text of the last user message, or an empty string. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if ("user".equals(m.role()) && m.content() != null) {
                return m.content();
            }
        }
        return "";
    }
}
