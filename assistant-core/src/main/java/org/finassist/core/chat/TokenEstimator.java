package org.finassist.core.chat;

/**
 * Rough token counts (≈1 token per CJK character, ≈4 Latin characters per token), for the local model and for
 * streams a provider cut before it reported usage. Callers mark such counts as estimates.
 */
public final class TokenEstimator {

    private TokenEstimator() {
    }

    public static Usage usage(CompletionRequest request, String answer) {
        int prompt = 0;
        for (Message m : request.messages()) {
            prompt += estimate(m.content()) + 4;
        }
        return new Usage(prompt, estimate(answer), 0, 0);
    }

    public static int estimate(String text) {
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
