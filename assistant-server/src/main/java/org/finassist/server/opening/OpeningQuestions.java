package org.finassist.server.opening;

import org.finassist.ocr.guide.StepDefinition;

/**
 * The hook for free-text questions asked during the opening flow. The router's {@code account-opening} route is
 * wired in by declaring a bean of this type (the router belongs to the core/chat feature); without one, the
 * guide answers with the current step's own hint.
 */
@FunctionalInterface
public interface OpeningQuestions {

    /**
     * @param question    the customer's question, as typed
     * @param currentStep the step the customer is on (title, hint and fields make the context); null when all
     *                    steps are done
     * @return the answer to show, in Chinese
     */
    String answer(String question, StepDefinition currentStep);
}
