package org.finassist.server.witness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.finassist.server.web.Problems;
import org.finassist.dh.audit.AuditRecord;
import org.finassist.dh.audit.AuditVerification;
import org.finassist.dh.session.SessionView;
import org.finassist.dh.session.SupervisorAction;
import org.finassist.dh.session.WitnessEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor console page and its JSON feed, decisions, and audit export/verification (docs/supervisor.md).
 * Everything reads the database, so any node answers for every session.
 */
@RestController
@Tag(name = "witness", description = "Supervisor side of digital-human video witnessing")
class WitnessConsoleController {

    private final WitnessEngine engine;
    private final DecisionRelay decisions;
    private final WitnessProperties properties;
    private final TurnLatency latency;
    private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("witness-console-feed").factory());

    WitnessConsoleController(WitnessEngine engine, DecisionRelay decisions, WitnessProperties properties,
                             TurnLatency latency) {
        this.engine = engine;
        this.decisions = decisions;
        this.properties = properties;
        this.latency = latency;
    }

    @GetMapping(value = "/witness/console", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The console page (Chinese)", hidden = true)
    Resource console() {
        return new ClassPathResource("org/finassist/server/witness/console.html");
    }

    @GetMapping("/api/witness/sessions")
    @Operation(summary = "Open sessions of every node (live, escalated, offline) and the recently ended ones")
    ConsoleFeed sessions() {
        return new ConsoleFeed(properties.consoleSessions(), engine.liveCount(),
                engine.sessions(properties.consoleSessions(), 8), engine.recentlyEnded(10),
                new ConsoleFeed.Latency(latency.quantileMillis(0.5), latency.quantileMillis(0.99), latency.count()),
                Instant.now().toString());
    }

    /** The same feed pushed as server-sent events ({@code sessions}), once a second, for the console. */
    @GetMapping(value = "/api/witness/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: event 'sessions' with a ConsoleFeed as data, once a second; the "
            + "stream ends after 60 s and EventSource reconnects",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/event-stream",
                    schema = @Schema(implementation = ConsoleFeed.class))))
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(60_000L); // EventSource reconnects; no request is held forever
        ScheduledFuture<?> task = feed.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().name("sessions").data(sessions(), MediaType.APPLICATION_JSON));
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
                throw new IllegalStateException("console stream closed", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
        emitter.onCompletion(() -> task.cancel(false));
        emitter.onTimeout(() -> task.cancel(false));
        emitter.onError(e -> task.cancel(false));
        return emitter;
    }

    @PreDestroy
    void stopFeed() {
        feed.shutdownNow();
    }

    @GetMapping("/api/witness/sessions/{id}")
    @Operation(summary = "One session with its full transcript, whichever node holds it")
    @ApiResponse(responseCode = "404", description = "not_found",
            content = @Content(mediaType = "application/problem+json"))
    SessionView session(@PathVariable String id) {
        return engine.session(id).orElseThrow(() -> new WitnessProblem(HttpStatus.NOT_FOUND, "not_found",
                "No session " + id));
    }

    @PostMapping("/api/witness/sessions/{id}/decision")
    @Operation(summary = "Decide on a session from any node: approve, reject, takeover, restart or close",
            description = "Applied by the node holding the runtime's connection (the customer hears it); a session "
                    + "whose runtime is connected nowhere is decided on its stored copy (takeover is refused then).")
    @ApiResponse(responseCode = "200", description = "the session after the decision")
    @ApiResponse(responseCode = "400", description = "invalid_decision",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "forbidden",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "not_found",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "conflict (ended, offline take-over, changed meanwhile)",
            content = @Content(mediaType = "application/problem+json"))
    SessionView decide(@Parameter(description = "session id") @PathVariable String id,
                       @RequestBody DecisionRequest request, HttpServletRequest http) {
        Principal principal = http.getUserPrincipal();
        // the access rules let only supervisors (and, in the dev profile, loopback) here; a signed-in supervisor
        // decides under their own account name, only an unauthenticated dev loopback caller names itself
        String supervisor = principal != null ? principal.getName() : request.supervisor();
        if (supervisor == null || supervisor.isBlank()) {
            throw new WitnessProblem(HttpStatus.BAD_REQUEST, "invalid_decision", "supervisor is required");
        }
        SupervisorAction action;
        try {
            action = JdbcDecisionRelay.action(request.action(), request.text());
        } catch (IllegalArgumentException e) {
            throw new WitnessProblem(HttpStatus.BAD_REQUEST, "invalid_decision", e.getMessage());
        }
        try {
            return decisions.decide(id, action, supervisor.strip());
        } catch (IllegalArgumentException e) {
            throw new WitnessProblem(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
        } catch (IllegalStateException e) {
            throw new WitnessProblem(HttpStatus.CONFLICT, "conflict", e.getMessage());
        }
    }

    @GetMapping("/api/witness/sessions/{id}/audit")
    @Operation(summary = "Export a session's audit chain with its verification (docs/supervisor.md: hash formula)")
    ResponseEntity<AuditExport> export(@PathVariable String id) {
        List<AuditRecord> records = engine.auditLog().read(id);
        if (records.isEmpty()) {
            throw new WitnessProblem(HttpStatus.NOT_FOUND, "not_found", "No audit trail for session " + id);
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"witness-" + id + ".json\"")
                .body(new AuditExport(id, Instant.now().toString(), verify(id), records));
    }

    @GetMapping("/api/witness/sessions/{id}/audit/verify")
    @Operation(summary = "Recompute a session's audit chain and compare its length with the session's record count")
    AuditVerification verify(@PathVariable String id) {
        long expected = engine.sessionStore().load(id).map(s -> s.audit().auditRecords()).orElse(-1L);
        return engine.auditLog().verify(id, expected);
    }

    /** A session's archive: the full chain and its verification at export time. */
    record AuditExport(String sessionId, String exportedAt, AuditVerification verification,
                       List<AuditRecord> records) {
    }

    /** RFC 9457 problem details with a stable {@code code}; operators get the reason in English. */
    @ExceptionHandler(WitnessProblem.class)
    ResponseEntity<ProblemDetail> refused(WitnessProblem e) {
        return Problems.response(e.status, e.code, e.getMessage());
    }

    /** A refused witness request: HTTP status, stable code, English detail. */
    static final class WitnessProblem extends RuntimeException {
        final HttpStatus status;
        final String code;

        WitnessProblem(HttpStatus status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
