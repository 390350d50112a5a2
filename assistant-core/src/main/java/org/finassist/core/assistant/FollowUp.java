package org.finassist.core.assistant;

import org.finassist.core.chat.Message;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites a follow-up question ("那手续费呢？") into a standalone retrieval query with a local heuristic: a short
 * message that leans on the conversation (那/还有/呢/它/这个 …) is joined with the previous user question.
 */
final class FollowUp {

    private static final Pattern LEANS_ON_CONTEXT = Pattern.compile("^(那|那么|还有|另外|再|它|这个|那个)|呢[？?]?$|^(怎么办|为什么)[？?]?$");
    private static final int SHORT = 14;

    private FollowUp() {
    }

    static String retrievalQuery(List<Message> history, String message) {
        String m = message.strip();
        if (m.length() > SHORT || !LEANS_ON_CONTEXT.matcher(m).find()) {
            return m;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Message earlier = history.get(i);
            if ("user".equals(earlier.role()) && earlier.content() != null && !earlier.content().isBlank()) {
                return earlier.content().strip() + " " + m;
            }
        }
        return m;
    }
}
