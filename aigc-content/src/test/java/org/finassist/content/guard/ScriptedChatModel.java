package org.finassist.content.guard;

import org.finassist.core.router.RouteMetadata;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A fake stock-diagnosis route: answers from a script and records the user prompts it was sent. */
public final class ScriptedChatModel implements ChatModel {

    private final Deque<Supplier<String>> script = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private final String provider;

    public ScriptedChatModel(String provider) {
        this.provider = provider;
    }

    public ScriptedChatModel then(String answer) {
        script.add(() -> answer);
        return this;
    }

    public ScriptedChatModel thenFail(RuntimeException e) {
        script.add(() -> {
            throw e;
        });
        return this;
    }

    public List<String> prompts() {
        return prompts;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        prompts.add(((UserMessage) request.messages().getLast()).singleText());
        if (script.isEmpty()) {
            throw new AssertionError("model called more often than scripted");
        }
        String text = script.poll().get();
        return ChatResponse.builder()
                .aiMessage(AiMessage.builder().text(text).build())
                .metadata(RouteMetadata.builder().provider(provider).model("chat").modelName(provider + "-chat")
                        .tokenUsage(new TokenUsage(100, 50)).build())
                .build();
    }
}
