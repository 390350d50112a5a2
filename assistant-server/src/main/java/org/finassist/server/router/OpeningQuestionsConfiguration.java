package org.finassist.server.router;

import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.finassist.server.opening.OpeningQuestions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Free-text questions during account opening go to the {@code account-opening} route with the current step as
 * context; the local model (and any failure) answers with the step's own hint.
 */
@Configuration(proxyBeanMethods = false)
class OpeningQuestionsConfiguration {

    @Bean
    OpeningQuestions openingQuestions(ModelRouter router, PromptRenderer prompts) {
        return (question, step) -> {
            String hint = step == null ? "您已完成全部开户步骤，审核结果将以短信通知。"
                    : "当前步骤：" + step.title() + "。" + step.hint();
            Map<String, Object> model = step == null ? Map.of()
                    : Map.of("step", Map.of("title", step.title(), "hint", step.hint()));
            CompletionRequest request = new CompletionRequest(Scenario.ACCOUNT_OPENING.id(), List.of(
                    Message.system(prompts.render("system/account-opening.ftl", model)), Message.user(question)),
                    Map.of(), new Grounding(List.of(), Map.of(), hint), null);
            try {
                return router.complete(request).content();
            } catch (RouterException e) {
                return hint;
            }
        };
    }
}
