package org.finassist.server.opening;

import org.finassist.core.assistant.RetrieverGrounding;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.classify.Classification;
import org.finassist.rag.KnowledgeIndex;
import org.springframework.beans.factory.annotation.Value;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Free-text questions during account opening go to the {@code account-opening} route with the current step and the
 * knowledge base's passages as context; the local model answers with a matching FAQ entry, the one passage that
 * answers, or the step's own hint when the knowledge base has nothing; any failure answers with the hint.
 */
@Configuration(proxyBeanMethods = false)
class OpeningQuestionsConfiguration {

    @Bean
    OpeningQuestions openingQuestions(ModelRouter router, PromptRenderer prompts, KnowledgeIndex index,
                                      @Value("${finassist.rag.default-kb-ids:demo}") List<String> defaultKbIds) {
        RetrieverGrounding knowledge = new RetrieverGrounding(index::retriever, defaultKbIds);
        return (question, step) -> {
            String hint = step == null ? "您已完成全部开户步骤，审核结果将以短信通知。"
                    : "当前步骤：" + step.title() + "。" + step.hint();
            // the knowledge base answers beside the step ("17岁能开户吗" is an FAQ, not a step hint)
            Grounding kb = knowledge.ground(question,
                    new Classification(Scenario.ACCOUNT_OPENING, 1.0, "given", null), List.of());
            Map<String, Object> model = new java.util.HashMap<>();
            model.put("passages", kb.passages());
            if (step != null) {
                model.put("step", Map.of("title", step.title(), "hint", step.hint()));
            }
            String direct = kb.directAnswer() != null ? kb.directAnswer() : kb.passages().isEmpty() ? hint : null;
            CompletionRequest request = new CompletionRequest(Scenario.ACCOUNT_OPENING.id(), List.of(
                    Message.system(prompts.render("system/account-opening.ftl", model)), Message.user(question)),
                    Map.of(), new Grounding(kb.passages(), Map.of(), direct), null);
            try {
                return router.complete(request).content();
            } catch (RouterException e) {
                return hint;
            }
        };
    }
}
