package org.finassist.server.gate;

import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.handoff.HandoffDetector;
import org.finassist.core.router.ModelRouter;
import org.finassist.prompts.PromptRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The answer gate with its withhold record, and the hand-off detector. */
@Configuration(proxyBeanMethods = false)
public class GateConfiguration {

    @Bean
    RecordedWithholds recordedWithholds(JdbcClient jdbc, MeterRegistry registry) {
        return new RecordedWithholds(jdbc, registry);
    }

    @Bean
    AnswerGate answerGate(ModelRouter router, PromptRenderer prompts, RecordedWithholds withholds) {
        return new AnswerGate(router, prompts, withholds);
    }

    @Bean
    HandoffDetector handoffDetector() {
        return new HandoffDetector();
    }

    @Bean
    InboxStore inboxStore(JdbcClient jdbc) {
        return new InboxStore(jdbc);
    }
}
