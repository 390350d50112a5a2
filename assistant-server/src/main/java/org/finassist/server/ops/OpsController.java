package org.finassist.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.dh.session.SessionStatus;
import org.finassist.dh.session.WitnessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/ops/summary}: the operations dashboard's one JSON snapshot (see the package description);
 * {@code GET /api/ops/history}: the last hour of provider figures for its time series.
 */
@RestController
class OpsController {

    private final MeterRegistry registry;
    private final MeterReadings meters;
    private final JdbcClient jdbc;
    private final ObjectProvider<WitnessEngine> witness;
    private final OpsHistory history;

    OpsController(MeterRegistry registry, JdbcClient jdbc, ObjectProvider<WitnessEngine> witness) {
        this.registry = registry;
        this.meters = new MeterReadings(registry);
        this.jdbc = jdbc;
        this.witness = witness;
        this.history = new OpsHistory(this::sample, Duration.ofSeconds(10), 360);
    }

    @PreDestroy
    void stop() {
        history.close();
    }

    /** The provider figures every 10 s over the last hour, oldest first: the dashboard's charts on load. */
    @GetMapping("/api/ops/history")
    List<OpsHistory.Sample> history() {
        return history.samples();
    }

    private OpsHistory.Sample sample() {
        return new OpsHistory.Sample(Instant.now().toString(), ProviderFigures.read(registry, meters));
    }

    @GetMapping("/api/ops/summary")
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Instant.now().toString());
        out.put("chat", ChatFigures.read(jdbc));
        out.put("requestsByRoute", meters.countsBy("finassist.router.requests", "route"));
        out.put("providers", ProviderFigures.read(registry, meters));
        out.put("errorsByKind", meters.countsBy("finassist.router.errors", "kind"));
        out.put("guardrailRejections", Map.of("total", meters.total("finassist.guardrail.rejections"),
                "byCode", meters.countsBy("finassist.guardrail.rejections", "code")));
        out.put("idPhotos", Map.of("checks", meters.countsBy("finassist.opening.idphoto.checks", "outcome"),
                "rejections", meters.countsBy("finassist.opening.idphoto.rejections", "reason")));
        out.put("witness", witness());
        out.put("commentary", Map.of("items", meters.countsBy("finassist.commentary.items", "status"),
                "activeRuns", meters.gauge("finassist.commentary.runs.active")));
        return out;
    }

    private Map<String, Object> witness() {
        WitnessEngine engine = witness.getIfAvailable();
        if (engine == null) {
            return Map.of("live", 0, "escalated", 0);
        }
        long escalated = engine.sessions(Integer.MAX_VALUE, 0).stream()
                .filter(s -> s.status() == SessionStatus.ESCALATED).count();
        return Map.of("live", engine.liveCount(), "escalated", escalated);
    }
}
