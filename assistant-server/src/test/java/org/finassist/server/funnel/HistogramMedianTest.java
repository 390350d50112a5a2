package org.finassist.server.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The per-step median from a seconds histogram equals the median of the values it counts. */
class HistogramMedianTest {

    private static TreeMap<Long, Long> of(long... keyCount) {
        TreeMap<Long, Long> h = new TreeMap<>();
        for (int i = 0; i < keyCount.length; i += 2) {
            h.put(keyCount[i], keyCount[i + 1]);
        }
        return h;
    }

    @Test
    void oddEvenAndRepeatedValues() {
        assertThat(FunnelQueries.median(of(5, 1), 1)).isEqualTo(5.0);
        assertThat(FunnelQueries.median(of(60, 1, 120, 1), 2)).as("60, 120").isEqualTo(90.0);
        assertThat(FunnelQueries.median(of(1, 1, 2, 1, 9, 1), 3)).as("1, 2, 9").isEqualTo(2.0);
        assertThat(FunnelQueries.median(of(1, 2, 9, 2), 4)).as("1, 1, 9, 9").isEqualTo(5.0);
        assertThat(FunnelQueries.median(of(1, 1, 4, 3, 9, 1), 5)).as("1, 4, 4, 4, 9").isEqualTo(4.0);
        assertThat(FunnelQueries.median(of(), 0)).isNull();
    }
}
