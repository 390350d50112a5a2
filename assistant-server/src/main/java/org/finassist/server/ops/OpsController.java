package org.finassist.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.dh.session.SessionStatus;
import org.finassist.dh.session.WitnessEngine;
import org.finassist.server.cluster.ClusterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.PreDestroy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/ops/summary}: the operations dashboard's one JSON snapshot (see the package description), over
 * every node of the deployment; {@code GET /api/ops/history}: the last hour of cluster-wide provider figures for its
 * time series. Both are computed from the nodes' snapshots in {@code ops_node_snapshot} ({@link ClusterFigures}),
 * so every node gives the same answer once figures settle: the asked node's own figures are current, the other
 * nodes' lag by at most {@code finassist.cluster.snapshot-every}.
 */
@RestController
class OpsController {

    private static final Logger LOG = LoggerFactory.getLogger(OpsController.class);
    private static final long HISTORY_BUCKET_MILLIS = 10_000;

    private final MeterRegistry registry;
    private final MeterReadings meters;
    private final JdbcClient jdbc;
    private final ObjectProvider<WitnessEngine> witness;
    private final OpsSnapshots snapshots;
    private final ClusterProperties cluster;
    private final String nodeId;
    private final long startedAtMillis = System.currentTimeMillis();
    private final OpsHistory writer;
    private long lastPurge;
    private long lastWrite;
    private NodeFigures lastWritten;

    OpsController(MeterRegistry registry, JdbcClient jdbc, ObjectProvider<WitnessEngine> witness,
                  ClusterProperties cluster, @Value("${finassist.node-id}") String nodeId) {
        this.registry = registry;
        this.meters = new MeterReadings(registry);
        this.jdbc = jdbc;
        this.witness = witness;
        this.snapshots = new OpsSnapshots(jdbc);
        this.cluster = cluster;
        this.nodeId = nodeId;
        this.writer = new OpsHistory(this::tick, cluster.snapshotEvery());
    }

    /** The node's last counts reach the table before it goes (the DataSource closes after this bean). */
    @PreDestroy
    void stop() {
        writer.close();
        tick();
    }

    /**
     * Before an answer, writes this node's snapshot if its figures changed since the last one: the asked node's own
     * figures are current, the others' lag by at most their {@code snapshot-every}. Rows are only ever appended in
     * time order per node, so a dashboard polling the nodes round-robin never sees a total go down.
     */
    private void fresh() {
        write(false);
    }

    private void tick() {
        write(true);
    }

    private synchronized void write(boolean always) {
        try {
            WitnessEngine engine = witness.getIfAvailable();
            NodeFigures figures = NodeFigures.read(registry, meters, engine == null ? 0 : engine.liveCount());
            if (!always && figures.equals(lastWritten)) {
                return;
            }
            long now = Math.max(System.currentTimeMillis(), lastWrite + 1);
            snapshots.write(nodeId, now, startedAtMillis, figures);
            lastWrite = now;
            lastWritten = figures;
            if (now - lastPurge > 60_000) {
                snapshots.purge(now - cluster.snapshotKeep().toMillis());
                lastPurge = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("Writing this node's ops snapshot failed: {}", e.toString());
        }
    }

    private ClusterFigures.Folded fold() {
        long now = System.currentTimeMillis();
        return ClusterFigures.fold(snapshots.all(), now, cluster.liveWithin().toMillis(), HISTORY_BUCKET_MILLIS,
                now - cluster.snapshotKeep().toMillis());
    }

    /** The cluster's provider figures every 10 s over the last hour, oldest first: the dashboard's charts on load. */
    @GetMapping("/api/ops/history")
    List<OpsHistory.Sample> history() {
        fresh();
        ClusterFigures.Folded folded = fold();
        List<OpsHistory.Sample> out = new java.util.ArrayList<>(folded.history().stream()
                .map(t -> new OpsHistory.Sample(Instant.ofEpochMilli(t.atMillis()).toString(), t.providers()))
                .toList());
        out.add(new OpsHistory.Sample(Instant.ofEpochMilli(folded.now().atMillis()).toString(),
                folded.now().providers()));
        return out;
    }

    @GetMapping("/api/ops/summary")
    Map<String, Object> summary() {
        fresh();
        ClusterFigures.Totals t = fold().now();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Instant.now().toString());
        out.put("nodes", t.nodes());
        out.put("chat", ChatFigures.read(jdbc));
        out.put("requestsByRoute", t.family(NodeFigures.ROUTES));
        out.put("providers", t.providers());
        out.put("errorsByKind", t.family(NodeFigures.ERRORS));
        Map<String, Double> guardrail = t.family(NodeFigures.GUARDRAIL);
        out.put("guardrailRejections", Map.of("total", guardrail.values().stream().mapToDouble(d -> d).sum(),
                "byCode", guardrail));
        out.put("idPhotos", Map.of("checks", t.family(NodeFigures.ID_CHECKS),
                "rejections", t.family(NodeFigures.ID_REJECTIONS)));
        out.put("witness", witness(t));
        out.put("commentary", Map.of("items", t.family(NodeFigures.COMMENTARY_ITEMS),
                "activeRuns", t.gauge(NodeFigures.COMMENTARY_RUNS)));
        return out;
    }

    /** Live: sessions whose runtime is connected to a live node; escalated: read from the shared session store. */
    private Map<String, Object> witness(ClusterFigures.Totals t) {
        WitnessEngine engine = witness.getIfAvailable();
        long escalated = engine == null ? 0 : engine.sessions(Integer.MAX_VALUE, 0).stream()
                .filter(s -> s.status() == SessionStatus.ESCALATED).count();
        return Map.of("live", Math.round(t.gauge(NodeFigures.WITNESS_LIVE)), "escalated", escalated);
    }
}
