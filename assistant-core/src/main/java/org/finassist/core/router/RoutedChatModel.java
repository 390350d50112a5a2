package org.finassist.core.router;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One route of the router seen as a langchain4j {@link ChatModel} and {@link StreamingChatModel}, so feature
 * modules (diagnosis narrative, commentary) depend on langchain4j's seam, not on the router.
 */
public final class RoutedChatModel implements ChatModel, StreamingChatModel {

    private final ModelRouter router;
    private final String route;
    private final RouteOptions options;

    public RoutedChatModel(ModelRouter router, String route) {
        this(router, route, RouteOptions.DEFAULT);
    }

    /** With options for every call, e.g. {@link RouteOptions#BATCH} for a batch job. */
    public RoutedChatModel(ModelRouter router, String route, RouteOptions options) {
        this.router = router;
        this.route = route;
        this.options = options;
    }

    @Override
    public java.util.Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() {
        return java.util.Set.of();
    }

    @Override
    public dev.langchain4j.model.chat.request.ChatRequestParameters defaultRequestParameters() {
        return dev.langchain4j.model.chat.request.DefaultChatRequestParameters.EMPTY;
    }

    @Override
    public List<dev.langchain4j.model.chat.listener.ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public dev.langchain4j.model.ModelProvider provider() {
        return dev.langchain4j.model.ModelProvider.OTHER;
    }

    @Override
    public ChatResponse doChat(ChatRequest chatRequest) {
        return toResponse(router.complete(toRequest(chatRequest), options));
    }

    @Override
    public void doChat(ChatRequest chatRequest, StreamingChatResponseHandler handler) {
        router.stream(toRequest(chatRequest), new CompletionListener() {
            @Override
            public void onReasoning(String delta) {
                handler.onPartialThinking(new PartialThinking(delta));
            }

            @Override
            public void onContent(String delta) {
                handler.onPartialResponse(delta);
            }

            @Override
            public void onComplete(Completion completion) {
                handler.onCompleteResponse(toResponse(completion));
            }

            @Override
            public void onError(RouterException error) {
                handler.onError(error);
            }
        }, options);
    }

    private CompletionRequest toRequest(ChatRequest chatRequest) {
        List<Message> messages = chatRequest.messages().stream().map(RoutedChatModel::toMessage).toList();
        Map<String, Object> params = new HashMap<>();
        var p = chatRequest.parameters();
        if (p != null) {
            if (p.temperature() != null) {
                params.put("temperature", p.temperature());
            }
            if (p.topP() != null) {
                params.put("top_p", p.topP());
            }
            if (p.maxOutputTokens() != null) {
                params.put("max_tokens", p.maxOutputTokens());
            }
        }
        return new CompletionRequest(route, messages, params, null, null);
    }

    private static Message toMessage(ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> Message.system(s.text());
            case UserMessage u -> Message.user(u.hasSingleText() ? u.singleText() : u.toString());
            case AiMessage a -> Message.assistant(a.text());
            case ToolExecutionResultMessage t -> new Message("tool", t.text(), Map.of("tool_call_id", t.id()));
            default -> throw new IllegalArgumentException("Unsupported message type " + m.type());
        };
    }

    private static ChatResponse toResponse(Completion c) {
        AiMessage message = AiMessage.builder().text(c.content()).thinking(c.reasoning()).build();
        return ChatResponse.builder()
                .aiMessage(message)
                .metadata(RouteMetadata.builder()
                        .provider(c.provider())
                        .model(c.model())
                        .usage(c.usage())
                        .costCny(c.costCny())
                        .trail(c.trail())
                        .id(c.id())
                        .modelName(c.provider() + ":" + c.model())
                        .tokenUsage(new TokenUsage(c.usage().promptTokens(), c.usage().completionTokens()))
                        .finishReason(finishReason(c.finishReason()))
                        .build())
                .build();
    }

    private static FinishReason finishReason(String reason) {
        if (reason == null) {
            return FinishReason.STOP;
        }
        return switch (reason) {
            case "length" -> FinishReason.LENGTH;
            case "tool_calls" -> FinishReason.TOOL_EXECUTION;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }
}
