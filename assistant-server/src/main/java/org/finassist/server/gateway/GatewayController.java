package org.finassist.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.finassist.core.chat.Cancellation;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.RouterException;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteOptions;
import org.finassist.server.keys.VirtualKey;
import org.finassist.server.security.Callers;
import org.finassist.server.web.OpenStreams;
import org.finassist.server.web.BoundedBody;
import org.finassist.server.gateway.internal.ChatCompletionWire;
import org.finassist.server.router.RouterTimings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OpenAI-compatible gateway: {@code POST /v1/chat/completions} (streaming and not; its own servlet, see
 * {@link ChatCompletionsServlet}) and {@code GET /v1/models}.
 * Model names: {@code finassist-<route>} (e.g. finassist-qa), {@code finassist-auto} (classified from the text),
 * or {@code provider:model}. Bodies are read and written here, not by Spring's converters, so every bad input gets
 * an OpenAI-shaped error and streams can be committed only once the first token exists.
 */
@RestController
class GatewayController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GatewayController.class);

    static final String PREFIX = "finassist-";
    /** Answers prepared on the request's own thread while at most this many are in preparation. */
    private static final int INLINE_UP_TO = Runtime.getRuntime().availableProcessors();
    private final AtomicInteger answering = new AtomicInteger();
    private final ModelRouter router;
    private final ScenarioClassifier classifier;
    private final GatewayProperties properties;
    private final Timer overhead;
    private final StreamPinger pinger;
    private final AnswerGate gate;
    private final KeyHook keys;
    private final OpenStreams streams;

    GatewayController(ModelRouter router, ScenarioClassifier classifier, GatewayProperties properties,
                      MeterRegistry registry, StreamPinger pinger, AnswerGate gate, KeyHook keys,
                      OpenStreams streams) {
        this.streams = streams;
        this.gate = gate;
        this.keys = keys;
        this.router = router;
        this.pinger = pinger;
        this.classifier = classifier;
        this.properties = properties;
        this.overhead = Timer.builder("finassist.gateway.overhead")
                .description("Time inside the gateway minus time waiting for the provider")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @GetMapping("/v1/models")
    void models(HttpServletResponse response) throws IOException {
        ObjectNode root = ChatCompletionWire.JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        long created = 1_700_000_000L;
        addModel(data, PREFIX + "auto", created, "finassist");
        for (String id : router.modelIds()) {
            boolean route = id.indexOf(':') < 0;
            addModel(data, route ? PREFIX + id : id, created, route ? "finassist" : id.substring(0, id.indexOf(':')));
        }
        GatewayResponses.json(response, 200, root);
    }

    private static void addModel(ArrayNode data, String id, long created, String owner) {
        ObjectNode m = data.addObject();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", created);
        m.put("owned_by", owner);
    }

    /** {@code POST /v1/chat/completions}, reached through {@link ChatCompletionsServlet}. */
    void chat(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long t0 = System.nanoTime();
        ChatCompletionWire.Parsed parsed;
        CompletionRequest cr;
        VirtualKey key = Callers.currentKey();
        KeyHook.Admitted keyed;
        try {
            parsed = parse(request);
            cr = new CompletionRequest(route(parsed), parsed.messages(), parsed.parameters(), null, null);
            router.validate(cr);
            // the virtual key's policy (issue 19): allowlists, rates, budgets; past a soft budget, cheapest first
            keyed = keys.admit(key, parsed.model(), cr, RouteOptions.DEFAULT);
        } catch (GatewayException e) {
            GatewayResponses.error(response, e);
            return;
        } catch (RouterException e) {
            GatewayResponses.error(response, GatewayResponses.of(e));
            return;
        }
        String id = "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime());
        long created = System.currentTimeMillis() / 1000;
        boolean pinned = !parsed.model().startsWith(PREFIX);
        RouteOptions options = new RouteOptions(new Cancellation(), LocalFallbackPolicy.allows(parsed, pinned,
                request.getHeader(LocalFallbackPolicy.OPT_IN_HEADER)), keyed.options().economy());
        boolean gated = customerFacing();
        if (parsed.stream()) {
            try {
                stream(request, cr, options, new GatewayStream(response, id, created, parsed.model(), cr.route(),
                        parsed.includeUsage(), options.cancellation()), gated, key);
            } finally {
                keys.release(keyed);
            }
            record(t0);
        } else {
            completeAsync(request, response, cr, options, id, created, parsed.model(), t0, gated, key, keyed);
        }
    }

    private void stream(HttpServletRequest request, CompletionRequest cr, RouteOptions options,
                        GatewayStream stream, boolean gated, VirtualKey key) throws IOException {
        streams.opened(stream);
        try (AutoCloseable ignored = pinger.watch(stream)) {
            if (gated) {
                GatedCompletions.stream(gate, cr, options, keys.recording(key, stream));
            } else {
                router.stream(cr, keys.recording(key, stream), options);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            stream.settle();
            streams.closed(stream);
            Thread.interrupted(); // an interrupt from the shutdown drain was for the upstream call
        }
    }

    /**
     * A whole answer with the request in asynchronous mode: a container that reports the client's departure
     * (AsyncListener.onError) cancels the upstream call, and a client timeout does too. While no more answers are
     * being prepared than there are processors, the answer is prepared on the request's own thread; beyond that,
     * on a virtual thread of its own (issue 19, measured with {@code bench/gateway.sh}): with idle carriers every
     * hand-off to another thread wakes one (a thread start, then Tomcat's dispatch of a completion from a
     * non-container thread: two of a request's carrier wake-ups at one client), while an answer always on the
     * request's thread cost 10–30 % more CPU per request at 64 and 512 clients in sessions 6–8 (cause not found;
     * docs/benchmarks.md).
     */
    private void completeAsync(HttpServletRequest request, HttpServletResponse response, CompletionRequest cr,
                               RouteOptions options, String id, long created, String model, long t0,
                               boolean gated, VirtualKey key, KeyHook.Admitted keyed) {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(router.config().defaultDeadline().plusSeconds(30).toMillis());
        async.addListener(new CancelOnDeparture(options.cancellation()));
        AutoCloseable probe;
        try {
            probe = pinger.watch(DepartureProbe.on(request.getInputStream(), options.cancellation()));
        } catch (IOException | IllegalStateException e) {
            probe = () -> { };
        }
        AutoCloseable watching = probe;
        Runnable answer = () -> {
            try (AutoCloseable ignored = watching) {
                Completion c = gated ? GatedCompletions.complete(gate, cr, options, charge -> keys.charge(key, charge))
                        : router.complete(cr, options);
                keys.record(key, c);
                keys.release(keyed); // before the answer leaves: the client's next request may follow at once
                record(t0);
                response.setHeader("x-finassist-provider", c.provider());
                response.setHeader("x-finassist-route", c.trail().route());
                GatewayResponses.json(response, 200, ChatCompletionWire.response(id, created, model, c));
            } catch (RouterException e) {
                writeError(response, e, options.cancellation());
            } catch (RuntimeException e) { // a fault of ours: the client gets a 500 in OpenAI's shape, not an empty 200
                LOG.error("Gateway answer {} failed", id, e);
                writeError(response, new GatewayException(500, "server_error", "internal_error", null,
                        "The gateway failed to prepare the answer."), options.cancellation());
            } catch (Exception e) {
                options.cancellation().cancel("client_disconnected");
            } finally {
                answering.decrementAndGet();
                keys.release(keyed);
                async.complete();
            }
        };
        if (answering.incrementAndGet() <= INLINE_UP_TO) {
            answer.run();
        } else {
            Thread.ofVirtual().name("gateway-" + id).start(answer);
        }
    }

    /** An error for a request whose answer failed, unless the response already left (nothing can be said then). */
    private static void writeError(HttpServletResponse response, GatewayException e, Cancellation cancellation) {
        if (response.isCommitted()) {
            return;
        }
        try {
            GatewayResponses.error(response, e);
        } catch (IOException | IllegalStateException io) {
            cancellation.cancel("client_disconnected");
        }
    }

    private static void writeError(HttpServletResponse response, RouterException e, Cancellation cancellation) {
        if (e.kind() != RouterException.Kind.CANCELLED) { // a cancelled request's client is gone
            writeError(response, GatewayResponses.of(e), cancellation);
        }
    }

    /** Whether the caller's key is marked customer-facing ({@code finassist.gateway.customer-facing-keys}). */
    private boolean customerFacing() {
        String caller = Callers.currentCallerName();
        if (caller == null) {
            return false;
        }
        // an API key's principal is named "key:<name>"
        String name = caller.startsWith("key:") ? caller.substring(4) : caller;
        return properties.customerFacingKeys().contains(name);
    }

    private void record(long t0) {
        long inside = System.nanoTime() - t0 - RouterTimings.lastUpstreamNanos();
        overhead.record(Math.max(0, inside), TimeUnit.NANOSECONDS);
    }

    private ChatCompletionWire.Parsed parse(HttpServletRequest request) throws IOException {
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), properties.maxBodyBytes());
        if (body == null) {
            throw new GatewayException(413, "invalid_request_error", "request_too_large", null,
                    "The request body is larger than " + properties.maxBodyBytes() + " bytes.");
        }
        if (body.length == 0) {
            throw GatewayException.invalid(null, "The request body is empty; send a JSON chat completion request.");
        }
        try {
            JsonNode root = ChatCompletionWire.readTree(body);
            return ChatCompletionWire.parse(root);
        } catch (ChatCompletionWire.Invalid e) {
            throw GatewayException.invalid(e.param, e.getMessage());
        }
    }

    private String route(ChatCompletionWire.Parsed parsed) {
        String model = parsed.model();
        if (model.equals(PREFIX + "auto")) {
            String last = new CompletionRequest(null, parsed.messages(), null, null, null).lastUserText();
            return classifier.classify(last).scenario().id();
        }
        return model.startsWith(PREFIX) ? model.substring(PREFIX.length()) : model;
    }
}
