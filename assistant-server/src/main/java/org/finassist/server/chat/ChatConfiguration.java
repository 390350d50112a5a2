package org.finassist.server.chat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/** Conversation and feedback persistence for /api/chat. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    ConversationStore conversationStore(JdbcClient jdbc) {
        return new ConversationStore(jdbc);
    }

    /**
     * {@code drain}: the shutdown phase limit; streams still open {@code finassist.chat.end-streams-before} (default
     * 5 s) ahead of it are ended with an error event, so the client hears it before the server stops.
     */
    @Bean
    OpenStreams openChatStreams(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drain,
                                @Value("${finassist.chat.end-streams-before:5s}") Duration endBefore) {
        return new OpenStreams(drain, endBefore);
    }

    @Bean
    FeedbackStore feedbackStore(JdbcClient jdbc) {
        return new FeedbackStore(jdbc);
    }
}
