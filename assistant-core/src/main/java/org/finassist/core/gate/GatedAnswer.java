package org.finassist.core.gate;

import org.finassist.core.chat.Completion;

/**
 * What the customer was shown.
 *
 * @param completion   the published answer: its content is exactly the released text; usage and cost of every stage
 * @param withheld     at least one sentence was withheld
 * @param fellBack     the local grounded answer replaced the model's (after a failed regeneration)
 */
public record GatedAnswer(Completion completion, boolean withheld, boolean fellBack) {
}
