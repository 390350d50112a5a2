package org.finassist.server.witness;

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
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.annotation.PreDestroy;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The supervisor console page and its JSON feed, decisions, and audit export/verification. */
@RestController
class WitnessConsoleController {

    private final WitnessEngine engine;
    private final WitnessProperties properties;
    private final TurnLatency latency;
    private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("witness-console-feed").factory());

    WitnessConsoleController(WitnessEngine engine, WitnessProperties properties, TurnLatency latency) {
        this.engine = engine;
        this.properties = properties;
        this.latency = latency;
    }

    @GetMapping(value = "/witness/console", produces = MediaType.TEXT_HTML_VALUE)
    Resource console() {
        return new ClassPathResource("org/finassist/server/witness/console.html");
    }

    @GetMapping("/api/witness/sessions")
    Map<String, Object> sessions() {
        return Map.of("capacity", properties.consoleSessions(), "live", engine.liveCount(),
                "sessions", engine.sessions(properties.consoleSessions(), 8),
                "recentlyEnded", engine.recentlyEnded().stream().limit(10).toList(),
                "turnLatencyMs", Map.of("p50", latency.quantileMillis(0.5), "p99", latency.quantileMillis(0.99),
                        "turns", latency.count()),
                "at", Instant.now().toString());
    }

    /** The same feed pushed as server-sent events ({@code sessions}), once a second, for the console. */
    @GetMapping(value = "/api/witness/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
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
    SessionView session(@PathVariable String id) {
        return engine.session(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No live session " + id));
    }

    @PostMapping("/api/witness/sessions/{id}/decision")
    SessionView decide(@PathVariable String id, @RequestBody DecisionRequest request, HttpServletRequest http) {
        Principal principal = http.getUserPrincipal();
        // the access rules let only supervisors (and, in the dev profile, loopback) here; a signed-in supervisor
        // decides under their own account name, only an unauthenticated dev loopback caller names itself
        String supervisor = principal != null ? principal.getName() : request.supervisor();
        if (supervisor == null || supervisor.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "supervisor is required");
        }
        try {
            engine.decide(id, action(request), supervisor.strip());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return engine.session(id).orElseGet(() -> engine.recentlyEnded().stream()
                .filter(v -> v.sessionId().equals(id)).findFirst().orElseThrow());
    }

    @GetMapping("/api/witness/sessions/{id}/audit")
    ResponseEntity<AuditExport> export(@PathVariable String id) {
        List<AuditRecord> records = engine.auditLog().read(id);
        if (records.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit trail for session " + id);
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"witness-" + id + ".json\"")
                .body(new AuditExport(id, Instant.now().toString(), verify(id), records));
    }

    @GetMapping("/api/witness/sessions/{id}/audit/verify")
    AuditVerification verify(@PathVariable String id) {
        long expected = engine.sessionStore().load(id).map(s -> s.auditRecords()).orElse(-1L);
        return engine.auditLog().verify(id, expected);
    }

    private static SupervisorAction action(DecisionRequest request) {
        String action = request.action() == null ? "" : request.action().toLowerCase(Locale.ROOT);
        try {
            return switch (action) {
                case "approve" -> new SupervisorAction.Approve(request.text());
                case "reject" -> new SupervisorAction.Reject(request.text());
                case "takeover" -> new SupervisorAction.TakeOver(request.text());
                case "restart" -> new SupervisorAction.RestartStep();
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "action must be approve, reject, takeover or restart");
            };
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** A session's archive: the full chain and its verification at export time. */
    record AuditExport(String sessionId, String exportedAt, AuditVerification verification,
                       List<AuditRecord> records) {
    }

    /** Operators get the reason in English, not only the status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> refused(ResponseStatusException e) {
        int s = e.getStatusCode().value();
        return Problems.response(e.getStatusCode(), s == 404 ? "not_found" : s == 409 ? "conflict"
                        : s == 403 ? "forbidden" : s == 401 ? "unauthenticated" : "bad_request",
                e.getReason() == null ? e.getStatusCode().toString() : e.getReason());
    }
}
