package org.finassist.server.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;


/** Conversation and feedback persistence for /api/chat. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    ConversationStore conversationStore(JdbcClient jdbc) {
        return new ConversationStore(jdbc);
    }

    @Bean
    FeedbackStore feedbackStore(JdbcClient jdbc) {
        return new FeedbackStore(jdbc);
    }
}
