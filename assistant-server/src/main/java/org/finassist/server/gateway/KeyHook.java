package org.finassist.server.gateway;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.InterruptedCharge;
import org.finassist.core.chat.RouterException;
import org.finassist.core.router.RouteOptions;
import org.finassist.server.keys.KeyGate;
import org.finassist.server.keys.KeyRefusal;
import org.finassist.server.keys.VirtualKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The gateway's virtual-key checks, kept apart from the request handling: {@link #admit} before routing (a refusal
 * becomes an OpenAI-shaped error; past a soft budget the request is routed cheapest first) and {@link #record} /
 * {@link #recording} after the answer. Requests without an API key (operators, the dev loopback) pass untouched.
 */
@Component
class KeyHook {

    private static final Logger log = LoggerFactory.getLogger(KeyHook.class);
    private final KeyGate keys;

    KeyHook(KeyGate keys) {
        this.keys = keys;
    }

    /** The options to route with, or a {@link GatewayException} carrying the key's refusal. */
    RouteOptions admit(VirtualKey key, String model, String route, RouteOptions options) {
        if (key == null) {
            return options;
        }
        try {
            return keys.admit(key, model, route).economy() ? options.cheapestFirst() : options;
        } catch (KeyRefusal e) {
            throw new GatewayException(e.status(), e.type(), e.code(), null, e.getMessage());
        }
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
