package org.finassist.core.assistant;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.router.ModelRouter;
import org.finassist.prompts.PromptRenderer;

/** Rewrites follow-ups with a model through the router; see {@link QueryRewriter#viaRouter}. */
final class RouterQueryRewriter implements QueryRewriter {

    static final String TEMPLATE = "rewrite/follow-up.ftl";
    /** Rewriting sits before retrieval on the customer's path: a slow model must not hold the answer up long. */
    static final Duration DEADLINE = Duration.ofSeconds(4);
    private static final int HISTORY = 6;
    private static final int LONGEST_FOLLOW_UP = 60;
    private static final int LONGEST_REWRITE = 200;

    private final ModelRouter router;
    private final PromptRenderer prompts;
    private final String route;
    private final QueryRewriter fallback;

    RouterQueryRewriter(ModelRouter router, PromptRenderer prompts, String route, QueryRewriter fallback) {
        this.router = router;
        this.prompts = prompts;
        this.route = route;
        this.fallback = fallback;
    }

    @Override
    public String rewrite(List<Message> history, String message) {
        String m = message.strip();
        List<Message> recent = recentTurns(history);
        if (recent.stream().noneMatch(x -> "user".equals(x.role())) || m.length() > LONGEST_FOLLOW_UP
                || !router.hasProvider(route)) {
            return fallback.rewrite(history, message);
        }
        try {
            Completion c = router.complete(request(recent, m));
            String rewritten = clean(c.content());
            boolean usable = !LocalGroundedModel.ID.equals(c.provider()) && !rewritten.isEmpty()
                    && rewritten.length() <= LONGEST_REWRITE;
            return usable ? rewritten : fallback.rewrite(history, message);
        } catch (RouterException e) {
            return fallback.rewrite(history, message);
        }
    }

    private CompletionRequest request(List<Message> recent, String message) {
        String system = prompts.render(TEMPLATE, Map.of("history", recent, "message", message));
        return new CompletionRequest(route, List.of(Message.system(system), Message.user(message)),
                Map.of("temperature", 0, "max_tokens", 128), Grounding.NONE, DEADLINE);
    }

    private static List<Message> recentTurns(List<Message> history) {
        List<Message> turns = history.stream()
                .filter(x -> ("user".equals(x.role()) || "assistant".equals(x.role())) && x.content() != null
                        && !x.content().isBlank())
                .toList();
        return turns.subList(Math.max(0, turns.size() - HISTORY), turns.size());
    }

    /** First non-empty line, without a label or quotes a model may add. */
    static String clean(String content) {
        if (content == null) return "";
        String line = content.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceFirst("^(改写后的问题|改写|问题|Question|Rewritten)\\s*[:：]\\s*", "");
        return line.replaceAll("^[\"“「']+|[\"”」']+$", "").strip();
    }
}
