package org.finassist.dh.session;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.ScriptTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers off-script questions through a {@link ChatModel} (the router's {@code witness} route in the server),
 * with the witness system prompt; any failure or empty answer falls back to the scripted deferral.
 */
public final class ChatModelOffScriptResponder implements OffScriptResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ChatModelOffScriptResponder.class);
    private static final int MAX_CHARS = 160;

    private final ChatModel model;
    private final ScriptTexts texts;

    public ChatModelOffScriptResponder(ChatModel model, ScriptTexts texts) {
        this.model = model;
        this.texts = texts;
    }

    @Override
    public String answer(String question, Applicant applicant) {
        if (model == null) {
            return texts.offScriptFallback(applicant);
        }
        try {
            String answer = model.chat(SystemMessage.from(texts.offScriptSystemPrompt(applicant)),
                    UserMessage.from(question)).aiMessage().text();
            // a chat-widget answer ("点击转人工") has no meaning in a video call
            if (answer == null || answer.isBlank() || answer.contains("转人工") || answer.contains("点击")) {
                return texts.offScriptFallback(applicant);
            }
            String trimmed = answer.strip();
            return trimmed.length() > MAX_CHARS ? trimmed.substring(0, MAX_CHARS) + "……" : trimmed;
        } catch (RuntimeException e) {
            LOG.warn("Off-script answer failed, using the scripted deferral: {}", e.toString());
            return texts.offScriptFallback(applicant);
        }
    }
}
