package org.finassist.core.chat;

import java.util.List;

/**
 * Checks a model's answer against this request's grounding before the customer sees it (number grounding,
 * compliance). An empty list means the answer may be published.
 */
@FunctionalInterface
public interface AnswerCheck {

    List<String> violations(String answer);
}
