package org.finassist.core.local;

import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Usage;

/** Rough token counts for the local model (≈1 token per CJK character, ≈4 Latin characters per token). */
final class TokenEstimator {

    private TokenEstimator() {
    }

    static Usage usage(CompletionRequest request, String answer) {
        int prompt = 0;
        for (Message m : request.messages()) {
            prompt += estimate(m.content()) + 4;
        }
        return new Usage(prompt, estimate(answer), 0, 0);
    }

    static int estimate(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int cjk = 0;
        int other = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
                cjk++;
            } else {
                other++;
            }
        }
        return cjk + (other + 3) / 4;
    }
}
