package org.finassist.core.router;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Cancellation;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.InterruptedCharge;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.RouterException;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.ProviderException;
import org.finassist.core.provider.StreamSink;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 1+N router. Thread-safe; one instance per application. Every request ends either in a completion (from a
 * provider or, at worst, from the local grounded model) or in a {@link RouterException} caused by the request.
 */
public final class ModelRouter {

    private final RouterConfig config;
    private final Map<String, ProviderGuard> guards = new LinkedHashMap<>();
    private final Map<String, ProviderStatus> disabled = new LinkedHashMap<>();
    private final ProviderClient local;
    private final RouterListener listener;

    public ModelRouter(RouterConfig config, Collection<ProviderClient> clients, ProviderClient local,
                       RouterListener listener) {
        this(config, clients, local, listener, AccountLimits.NONE);
    }

    /** With account-level limits and circuit state shared by every node ({@link AccountLimits}). */
    public ModelRouter(RouterConfig config, Collection<ProviderClient> clients, ProviderClient local,
                       RouterListener listener, AccountLimits accounts) {
        this.config = config;
        this.local = local;
        this.listener = listener == null ? RouterListener.NONE : listener;
        clients.forEach(c -> guards.put(c.config().id(), new ProviderGuard(c, config, accounts)));
        for (ProviderConfig p : config.providers()) {
            if (!guards.containsKey(p.id())) {
                disabled.put(p.id(), new ProviderStatus(p.id(), p.flavor().name().toLowerCase(), "disabled",
                        "no API key configured; provider not started",
                        p.models().stream().map(ModelSpec::alias).toList(), p.maxConcurrency(), 0));
            }
        }
    }

    public RouterConfig config() {
        return config;
    }

    /** A whole answer. */
    public Completion complete(CompletionRequest request) {
        return complete(request, RouteOptions.DEFAULT);
    }

    /** A whole answer, cancellable, with or without the local fallback. */
    public Completion complete(CompletionRequest request, RouteOptions options) {
        return new Execution(request, null, options).run();
    }

    /** A streamed answer; see {@link CompletionListener} for the order of calls. Never throws. */
    public void stream(CompletionRequest request, CompletionListener streamListener) {
        stream(request, streamListener, RouteOptions.DEFAULT);
    }

    /** A streamed answer, cancellable, with or without the local fallback. Never throws a RouterException. */
    public void stream(CompletionRequest request, CompletionListener streamListener, RouteOptions options) {
        try {
            Completion done = new Execution(request, streamListener, options).run();
            streamListener.onComplete(done);
        } catch (RouterException e) {
            streamListener.onError(e);
        }
    }

    /**
     * Checks that a request names a known route or model before anything is sent, so a caller can answer an
     * unknown model with a status code before it commits a stream.
     */
    public void validate(CompletionRequest request) {
        candidatesFor(routeName(request));
    }

    /** Whether {@code route} has at least one started provider (not only the local model). */
    public boolean hasProvider(String route) {
        RouteConfig rc = config.routes().get(route);
        return rc != null && rc.ranks().stream().flatMap(List::stream).anyMatch(c -> guards.containsKey(c.provider()));
    }

    /** Route names, then every {@code provider:model} pair a caller may address directly. */
    public List<String> modelIds() {
        List<String> ids = new ArrayList<>(config.routes().keySet().stream().sorted().toList());
        guards.values().forEach(g -> g.client.config().models().forEach(m -> ids.add(g.id() + ":" + m.alias())));
        local.config().models().forEach(m -> ids.add(local.config().id() + ":" + m.alias()));
        return ids;
    }

    /** Health of every configured provider, started or not, and of the local model. */
    public List<ProviderStatus> providerStatuses() {
        List<ProviderStatus> all = new ArrayList<>();
        guards.values().forEach(g -> all.add(g.status()));
        all.addAll(disabled.values());
        all.add(new ProviderStatus(local.config().id(), "local", "up", "offline grounded model, always available",
                local.config().models().stream().map(ModelSpec::alias).toList(), 0, 0));
        return all;
    }

    private List<Candidate> candidatesFor(String route) {
        RouteConfig rc = config.routes().get(route);
        if (rc != null) {
            return CandidatePlanner.plan(rc);
        }
        Candidate direct = Candidate.parse(route);
        if (direct.isLocal()) {
            return List.of();
        }
        ProviderGuard g = guards.get(direct.provider());
        boolean known = g != null ? g.client.config().modelsByAlias().containsKey(direct.model())
                : disabled.containsKey(direct.provider());
        if (!known) {
            throw new RouterException(RouterException.Kind.UNKNOWN_MODEL, "Unknown model '" + route
                    + "'. GET /v1/models lists the routes and provider:model pairs.", null);
        }
        return List.of(direct);
    }

    /** The candidates by list price (input + output per million tokens), ties in route order; unknown ones last. */
    private List<Candidate> cheapestFirst(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(java.util.Comparator.comparing(this::listPrice));
        return sorted;
    }

    private BigDecimal listPrice(Candidate c) {
        ProviderGuard g = guards.get(c.provider());
        ModelSpec m = g == null ? null : g.client.config().modelsByAlias().get(c.model());
        if (m == null) {
            return BigDecimal.valueOf(Long.MAX_VALUE);
        }
        var p = g.client.config().pricesOf(m);
        return p.inputPerMillion().add(p.outputPerMillion());
    }

    private String routeName(CompletionRequest request) {
        String r = request.route();
        if (r == null || r.isBlank()) {
            return Scenario.GENERAL.id();
        }
        if (!config.routes().containsKey(r) && r.indexOf(':') < 0) {
            throw new RouterException(RouterException.Kind.UNKNOWN_MODEL, "Unknown route or model '" + r
                    + "'. GET /v1/models lists the routes and provider:model pairs.", null);
        }
        return r;
    }

    /** One request's walk down its candidates. */
    private final class Execution {
        private final CompletionRequest request;
        private final CompletionListener stream;
        private final RouteOptions options;
        private final Cancellation cancellation;
        private final String route;
        private final List<Attempt> trail = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private final Instant deadline;
        private long firstTokenNanos = -1;
        private long upstreamNanos;
        private boolean started;
        private CompletionRequest maskedRequest;

        Execution(CompletionRequest request, CompletionListener stream, RouteOptions options) {
            if (request.messages().isEmpty()) {
                throw new RouterException(RouterException.Kind.INVALID_REQUEST, "messages must not be empty", null);
            }
            this.request = request;
            this.stream = stream;
            this.options = options;
            this.cancellation = options.cancellation();
            this.route = routeName(request);
            Duration d = request.deadline() != null ? request.deadline() : config.defaultDeadline();
            this.deadline = Instant.now().plus(d);
        }

        Completion run() {
            int attempts = 0;
            int failures = 0;
            int contextNeeded = 0;
            List<Candidate> candidates = options.economy() ? cheapestFirst(candidatesFor(route)) : candidatesFor(route);
            for (Candidate c : candidates) {
                stopIfCancelled();
                String skip = precheck(c, attempts, contextNeeded);
                if (skip != null) {
                    record(new Attempt(c.provider(), c.model(), "skipped", skip, 0, null, 0));
                    continue;
                }
                ProviderGuard guard = guards.get(c.provider());
                ModelSpec model = guard.client.config().modelsByAlias().get(c.model());
                cancellation.sleep(Backoff.nanos(config, failures, remainingNanos()));
                stopIfCancelled();
                String refused = guard.admit();
                AccountLimits.Permit permit = refused != null ? null
                        : guard.admitAccount(options.batch(), Duration.ofNanos(Math.max(0, remainingNanos())));
                if (refused != null || permit.refused() != null) {
                    record(new Attempt(c.provider(), c.model(), "skipped",
                            refused != null ? refused : permit.refused(), 0, null, 0));
                    continue;
                }
                attempts++;
                long t0 = System.nanoTime();
                long tokens = 0;
                try {
                    Completion done = call(guard.client, model);
                    long nanos = System.nanoTime() - t0;
                    upstreamNanos += nanos;
                    guard.succeeded(nanos);
                    tokens = done.usage().promptTokens() + done.usage().completionTokens();
                    record(new Attempt(c.provider(), c.model(), "ok", null, 200, null, nanos / 1000));
                    return finish(done, guard.client.config(), model);
                } catch (ProviderException e) {
                    long nanos = System.nanoTime() - t0;
                    upstreamNanos += nanos;
                    guard.failed(nanos, e, e.kind().countsAgainstCircuit());
                    record(new Attempt(c.provider(), c.model(), "failed", e.kind().code(), e.httpStatus(),
                            e.getMessage(), nanos / 1000));
                    bill(e, guard.client.config(), model);
                    tokens = e.billedUsage() == null ? 0
                            : e.billedUsage().promptTokens() + e.billedUsage().completionTokens();
                    if (e.retryAfter() != null) {
                        guard.coolDown(e.retryAfter());
                    }
                    stopIfCancelled();
                    if (started) {
                        throw fail(RouterException.Kind.STREAM_INTERRUPTED, "The answer stream from " + c.id()
                                + " broke after it started (" + e.kind().code() + "); no other model was tried so no"
                                + " text is repeated.");
                    }
                    if (!e.kind().providerSide()) {
                        contextNeeded = failFastOrWiden(e, model, contextNeeded);
                        continue;
                    }
                    failures++;
                } catch (RuntimeException e) {
                    // not the provider's fault (e.g. the caller's client went away): free the permits and stop
                    guard.failed(System.nanoTime() - t0, e, false);
                    throw e;
                } finally {
                    permit.release(tokens);
                }
            }
            stopIfCancelled();
            if (!options.localFallback() && !isLocalRoute()) {
                throw fail(RouterException.Kind.UNAVAILABLE, "All providers failed for '" + route + "' ("
                        + candidates.size() + " candidates) and this request does not accept the local model's"
                        + " answer; see the trail.");
            }
            return runLocal();
        }

        private boolean isLocalRoute() {
            return route.startsWith(Candidate.LOCAL + ":");
        }

        /** The caller left: stop before anything else is started or billed. */
        private void stopIfCancelled() {
            if (cancellation.isCancelled()) {
                listener.cancelled(route);
                listener.failed(route, RouterException.Kind.CANCELLED.name().toLowerCase());
                throw new RouterException(RouterException.Kind.CANCELLED, "Cancelled: " + cancellation.reason(),
                        new RouteTrail(route, trail));
            }
        }

        /** An interrupted call still costs what it generated; the provider bills it. */
        private void bill(ProviderException e, ProviderConfig provider, ModelSpec model) {
            org.finassist.core.chat.Usage u = e.billedUsage();
            if (u != null) {
                BigDecimal cost = provider.pricesOf(model).cost(u.promptTokens(), u.cacheHitTokens(),
                        u.completionTokens());
                listener.billedInterrupted(route, provider.id(), model.alias(), u, cost, e.usageEstimated());
                if (stream != null) {
                    stream.onInterruptedCharge(new InterruptedCharge(provider.id(),
                            model.alias(), u, cost, e.usageEstimated()));
                }
            }
        }

        private String precheck(Candidate c, int attempts, int contextNeeded) {
            ProviderGuard guard = guards.get(c.provider());
            if (guard == null) {
                return disabled.containsKey(c.provider()) ? "disabled" : "unknown_provider";
            }
            ModelSpec model = guard.client.config().modelsByAlias().get(c.model());
            if (model == null) {
                return "unknown_model";
            }
            if (contextNeeded > 0 && model.contextWindow() <= contextNeeded) {
                return "context_too_small";
            }
            if (attempts >= config.maxAttempts()) {
                return "retry_budget_spent";
            }
            if (remainingNanos() < 1_000_000) {
                return "deadline";
            }
            return null;
        }

        /** A request-side error: fail fast, unless it was "too long" and a larger-context candidate is left. */
        private int failFastOrWiden(ProviderException e, ModelSpec model, int contextNeeded) {
            if (e.kind() == org.finassist.core.provider.FailureKind.CONTEXT_TOO_LONG) {
                int needed = Math.max(contextNeeded, model.contextWindow());
                if (hasLargerCandidate(needed)) {
                    return needed;
                }
                throw fail(RouterException.Kind.CONTEXT_TOO_LONG, "The conversation is longer than the context window"
                        + " of every model on route '" + route + "' (" + e.getMessage() + "). Shorten it.");
            }
            throw fail(RouterException.Kind.INVALID_REQUEST, "The model rejected the request: " + e.getMessage());
        }

        private boolean hasLargerCandidate(int needed) {
            return config.routes().getOrDefault(route, new RouteConfig(route, List.of())).ranks().stream()
                    .flatMap(List::stream)
                    .map(c -> Optional.ofNullable(guards.get(c.provider()))
                            .map(g -> g.client.config().modelsByAlias().get(c.model())).orElse(null))
                    .anyMatch(m -> m != null && m.contextWindow() > needed);
        }

        private Completion call(ProviderClient client, ModelSpec model) {
            // personal data never leaves for an external model in clear; the local model sees the original
            CompletionRequest outgoing = client == local ? request : masked();
            if (stream == null) {
                Completion c = client.complete(outgoing, model, deadline, cancellation);
                firstTokenNanos = System.nanoTime() - startNanos;
                return c;
            }
            stream.onCandidate(client.config().id(), model.alias());
            return client.stream(outgoing, model, deadline, new ForwardingSink(), cancellation);
        }

        private CompletionRequest masked() {
            if (maskedRequest == null) {
                // every field that may carry the customer's words: content, name, tool-call arguments, and the
                // request's user and metadata; tool definitions and sampling parameters are the caller's own
                List<org.finassist.core.chat.Message> messages = request.messages().stream()
                        .map(m -> new org.finassist.core.chat.Message(m.role(),
                                org.finassist.core.privacy.PiiMasker.mask(m.content()), maskedMap(m.extra())))
                        .toList();
                Map<String, Object> parameters = new java.util.LinkedHashMap<>(request.parameters());
                for (String field : List.of("user", "metadata")) {
                    parameters.computeIfPresent(field, (k, v) -> org.finassist.core.privacy.PiiMasker.maskDeep(v));
                }
                maskedRequest = new CompletionRequest(request.route(), messages, parameters,
                        request.grounding(), request.deadline());
            }
            return maskedRequest;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> maskedMap(Map<String, Object> extra) {
            return extra.isEmpty() ? extra : (Map<String, Object>) org.finassist.core.privacy.PiiMasker.maskDeep(extra);
        }

        private Completion runLocal() {
            ProviderClient l = local;
            ModelSpec model = l.config().models().getFirst();
            long t0 = System.nanoTime();
            Completion done = call(l, model);
            record(new Attempt(l.config().id(), model.alias(), "ok", null, 0, null, (System.nanoTime() - t0) / 1000));
            return finish(done, l.config(), model);
        }

        private Completion finish(Completion done, ProviderConfig provider, ModelSpec model) {
            BigDecimal cost = provider.pricesOf(model).cost(done.usage().promptTokens(), done.usage().cacheHitTokens(),
                    done.usage().completionTokens());
            Completion result = new Completion(done.id(), done.content(), done.reasoning(), done.toolCalls(),
                    done.finishReason(), done.usage(), cost, provider.id(), model.alias(), new RouteTrail(route, trail));
            long total = System.nanoTime() - startNanos;
            listener.completed(route, result, total, firstTokenNanos < 0 ? total : firstTokenNanos, upstreamNanos);
            return result;
        }

        private RouterException fail(RouterException.Kind kind, String message) {
            listener.failed(route, kind.name().toLowerCase());
            return new RouterException(kind, message, new RouteTrail(route, trail));
        }

        private void record(Attempt attempt) {
            trail.add(attempt);
            listener.attempt(route, attempt);
            if (stream != null) {
                stream.onAttempt(attempt);
            }
        }

        private long remainingNanos() {
            return Duration.between(Instant.now(), deadline).toNanos();
        }

        private final class ForwardingSink implements StreamSink {
            private void mark() {
                if (!started) {
                    started = true;
                    firstTokenNanos = System.nanoTime() - startNanos;
                }
            }

            @Override
            public void reasoning(String delta) {
                mark();
                stream.onReasoning(delta);
            }

            @Override
            public void content(String delta) {
                mark();
                stream.onContent(delta);
            }

            @Override
            public void toolCall(Map<String, Object> delta) {
                mark();
                stream.onToolCallDelta(delta);
            }
        }
    }
}
