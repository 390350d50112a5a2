package org.finassist.server.gateway;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.TokenEstimator;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.chat.InterruptedCharge;
import org.finassist.core.chat.RouterException;
import org.finassist.core.router.RouteOptions;
import org.finassist.server.keys.KeyGate;
import org.finassist.server.keys.KeyRefusal;
import org.finassist.server.keys.VirtualKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The gateway's virtual-key checks, kept apart from the request handling: {@link #admit} before routing (a refusal
 * becomes an OpenAI-shaped error; past a soft budget the request is routed cheapest first; against a hard budget it
 * holds an in-flight slot), {@link #record} / {@link #recording} after the answer and {@link #release} when it ended.
 * Requests without an API key (operators, the dev loopback) pass untouched.
 */
@Component
class KeyHook {

    private static final Logger log = LoggerFactory.getLogger(KeyHook.class);
    /** The answer length assumed for a request that sets no {@code max_tokens}. */
    static final int ASSUMED_COMPLETION_TOKENS = 1024;
    private final KeyGate keys;
    private final ModelRouter router;

    KeyHook(KeyGate keys, ModelRouter router) {
        this.keys = keys;
        this.router = router;
    }

    /** An admitted request: the options to route it with; {@link #release} when it has ended. */
    record Admitted(RouteOptions options, KeyGate.Admission admission) {
    }

    /** The options to route with, or a {@link GatewayException} carrying the key's refusal. */
    Admitted admit(VirtualKey key, String model, CompletionRequest request, RouteOptions options) {
        if (key == null) {
            return new Admitted(options, null);
        }
        try {
            KeyGate.Admission a = keys.admit(key, model, request.route(), () -> estimate(request),
                    router.config().defaultDeadline().plusSeconds(30));
            return new Admitted(a.economy() ? options.cheapestFirst() : options, a);
        } catch (KeyRefusal e) {
            throw new GatewayException(e.status(), e.type(), e.code(), null, e.getMessage());
        }
    }

    /** Gives back what an admitted request held against its key's budget; every admitted request ends here once. */
    void release(Admitted admitted) {
        if (admitted == null || admitted.admission() == null) {
            return;
        }
        try {
            keys.release(admitted.admission());
        } catch (RuntimeException e) {
            log.warn("In-flight slot not released (it lapses by itself): {}", e.toString());
        }
    }

    /**
     * The most {@code request} can cost: its prompt (estimated) and {@code max_tokens} (else
     * {@link #ASSUMED_COMPLETION_TOKENS}) at the list prices of the dearest model it may be routed to.
     */
    BigDecimal estimate(CompletionRequest request) {
        int prompt = TokenEstimator.usage(request, "").promptTokens();
        Object max = request.parameters().getOrDefault("max_completion_tokens", request.parameters().get("max_tokens"));
        int completion = max instanceof Number n && n.intValue() > 0 ? n.intValue() : ASSUMED_COMPLETION_TOKENS;
        BigDecimal dearest = BigDecimal.ZERO;
        for (ProviderConfig p : router.config().providers()) {
            for (ModelSpec m : p.models()) {
                if (mayServe(request.route(), p.id(), m.alias())) {
                    dearest = dearest.max(p.pricesOf(m).cost(prompt, 0, completion));
                }
            }
        }
        return dearest;
    }

    /** Whether {@code provider:model} is a candidate of {@code route} (a route name or a pinned model). */
    private boolean mayServe(String route, String provider, String model) {
        RouteConfig rc = router.config().routes().get(route);
        if (rc == null) {
            return route.equals(provider + ":" + model) || route.indexOf(':') < 0;
        }
        return rc.ranks().stream().flatMap(List::stream)
                .anyMatch(c -> c.provider().equals(provider) && c.model().equals(model));
    }

    /** Charges a whole answer to the key; a failure to write is logged, never shown to the caller. */
    void record(VirtualKey key, Completion completion) {
        if (key == null) {
            return;
        }
        try {
            keys.record(key, completion);
        } catch (RuntimeException e) {
            log.warn("Spend of key {} not recorded: {}", key.id(), e.toString());
        }
    }

    /** Charges an interrupted call's cost to the key; as {@link #record}, a failure to write is only logged. */
    void charge(VirtualKey key, InterruptedCharge charge) {
        if (key == null) {
            return;
        }
        try {
            keys.recordInterrupted(key, charge);
        } catch (RuntimeException e) {
            log.warn("Spend of key {} for an interrupted call not recorded: {}", key.id(), e.toString());
        }
    }

    /**
     * {@code stream} itself, or for an API key a listener that also charges the completed answer and every
     * interrupted call (the caller left, the provider cut the stream, shutdown).
     */
    CompletionListener recording(VirtualKey key, CompletionListener stream) {
        if (key == null) {
            return stream;
        }
        return new CompletionListener() {
            @Override
            public void onCandidate(String provider, String model) {
                stream.onCandidate(provider, model);
            }

            @Override
            public void onAttempt(org.finassist.core.chat.Attempt attempt) {
                stream.onAttempt(attempt);
            }

            @Override
            public void onReasoning(String delta) {
                stream.onReasoning(delta);
            }

            @Override
            public void onContent(String delta) {
                stream.onContent(delta);
            }

            @Override
            public void onToolCallDelta(Map<String, Object> delta) {
                stream.onToolCallDelta(delta);
            }

            @Override
            public void onComplete(Completion completion) {
                stream.onComplete(completion);
                record(key, completion);
            }

            @Override
            public void onInterruptedCharge(InterruptedCharge charge) {
                stream.onInterruptedCharge(charge);
                charge(key, charge);
            }

            @Override
            public void onError(RouterException error) {
                stream.onError(error);
            }
        };
    }
}
