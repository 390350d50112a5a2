package org.finassist.server.ops;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterFiguresTest {

    private static final long LIVE = 30_000;
    private static final long BUCKET = 10_000;

    private static ClusterFigures.Snapshot row(String node, long at, long started, double requests, double errors,
                                               double live) {
        NodeFigures f = new NodeFigures(Map.of(NodeFigures.ROUTES, Map.of("general", requests)),
                List.of(new ProviderFigures("deepseek", requests, requests * 100, (long) requests, 900, 0, 0, errors,
                        0, requests * 0.01)),
                Map.of(NodeFigures.WITNESS_LIVE, live));
        return new ClusterFigures.Snapshot(node, at, started, f);
    }

    private static double requests(ClusterFigures.Totals t) {
        return t.family(NodeFigures.ROUTES).getOrDefault("general", 0.0);
    }

    @Test
    void aRestartedNodeAddsItsNewCountsAndTheOldOnesStay() {
        List<ClusterFigures.Snapshot> rows = List.of(
                row("a", 10_000, 0, 5, 1, 1), row("a", 20_000, 0, 8, 2, 1),
                row("b", 15_000, 0, 3, 0, 2),
                // a restarted: its counters start again from zero
                row("a", 30_000, 25_000, 2, 0, 0), row("a", 40_000, 25_000, 4, 1, 0));
        ClusterFigures.Totals t = ClusterFigures.fold(rows, 41_000, LIVE, BUCKET, 0).now();
        assertThat(requests(t)).isEqualTo(8 + 3 + 4);
        assertThat(t.providers().getFirst().errors()).isEqualTo(2 + 0 + 1);
        assertThat(t.providers().getFirst().latencyCount()).isEqualTo(15);
    }

    @Test
    void aDeadNodesGaugesLeaveButItsCountsStay() {
        List<ClusterFigures.Snapshot> rows = List.of(row("a", 10_000, 0, 5, 0, 1), row("b", 12_000, 0, 3, 0, 2),
                row("a", 100_000, 0, 6, 0, 1));
        ClusterFigures.Totals t = ClusterFigures.fold(rows, 101_000, LIVE, BUCKET, 0).now();
        assertThat(t.nodes()).extracting(ClusterFigures.LiveNode::nodeId).containsExactly("a");
        assertThat(t.gauge(NodeFigures.WITNESS_LIVE)).isEqualTo(1);
        assertThat(requests(t)).isEqualTo(6 + 3);
    }

    @Test
    void theHistoryNeverGoesDownWhateverNodesDoAndEveryOrderGivesTheSameAnswer() {
        Random random = new Random(7);
        List<ClusterFigures.Snapshot> rows = new ArrayList<>();
        for (String node : List.of("a", "b", "c")) {
            long started = 0;
            double count = 0;
            for (long at = 1_000 + node.charAt(0); at < 600_000; at += 5_000) {
                if (random.nextInt(20) == 0) { // restart
                    started = at;
                    count = 0;
                }
                count += random.nextInt(4);
                rows.add(row(node, at, started, count, count / 3, 1));
            }
        }
        ClusterFigures.Folded folded = ClusterFigures.fold(rows, 600_000, LIVE, BUCKET, 0);
        double last = 0;
        for (ClusterFigures.Totals t : folded.history()) {
            assertThat(requests(t)).isGreaterThanOrEqualTo(last);
            last = requests(t);
        }
        assertThat(folded.history()).hasSizeGreaterThan(50);
        List<ClusterFigures.Snapshot> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        assertThat(ClusterFigures.fold(shuffled, 600_000, LIVE, BUCKET, 0)).isEqualTo(folded);
    }

    @Test
    void purgingAllButTheLastRowOfEachRunKeepsTheTotals() {
        List<ClusterFigures.Snapshot> rows = List.of(row("a", 10_000, 0, 5, 0, 1), row("a", 20_000, 0, 9, 0, 1),
                row("a", 30_000, 25_000, 2, 0, 1), row("a", 40_000, 25_000, 7, 0, 1));
        List<ClusterFigures.Snapshot> purged = List.of(rows.get(1), rows.get(3));
        assertThat(requests(ClusterFigures.fold(purged, 41_000, LIVE, BUCKET, 0).now()))
                .isEqualTo(requests(ClusterFigures.fold(rows, 41_000, LIVE, BUCKET, 0).now())).isEqualTo(16);
    }
}
