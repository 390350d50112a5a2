package org.finassist.server.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The experiment's figures against an independent computation: SciPy 1.17 ({@code scipy.stats.norm}: pooled z,
 * {@code 2*norm.sf(|z|)}, Wald interval of the difference, Wilson interval per arm with {@code norm.ppf(0.975)}),
 * and for the second case by hand: p = 270/2000 = 0.135, se = √(0.135·0.865·(2/1000)) = 0.0152824, z = 0.03/se =
 * 1.96305, p = 2·(1 − Φ(1.96305)) = 0.04964.
 */
class ExperimentStatsTest {

    @Test
    void agreesWithScipyOnTheSeedsTenPercentLift() {
        ExperimentStats.Comparison c = ExperimentStats.compare(2000, 460, 2000, 400);
        assertThat(c.z()).isCloseTo(2.3092300290, within(1e-9));
        assertThat(c.pValue()).isCloseTo(0.0209308201, within(1e-7));
        assertThat(c.difference()).isCloseTo(0.03, within(1e-12));
        assertThat(c.differenceLow()).isCloseTo(0.0045544133, within(1e-9));
        assertThat(c.differenceHigh()).isCloseTo(0.0554455867, within(1e-9));
        assertThat(c.relativeLift()).isCloseTo(0.15, within(1e-12));
        assertThat(c.guided().low()).isCloseTo(0.2120845622, within(1e-9));
        assertThat(c.guided().high()).isCloseTo(0.2489506434, within(1e-9));
        assertThat(c.control().low()).isCloseTo(0.1830520345, within(1e-9));
        assertThat(c.control().high()).isCloseTo(0.2180981939, within(1e-9));
    }

    @Test
    void agreesWithAHandComputationAtTheEdgeOfSignificance() {
        ExperimentStats.Comparison c = ExperimentStats.compare(1000, 150, 1000, 120);
        assertThat(c.z()).isCloseTo(1.96305, within(1e-5));
        assertThat(c.pValue()).isCloseTo(0.04964, within(1e-5)).isLessThan(0.05);
        assertThat(c.guided().rate()).isEqualTo(0.15);
        assertThat(c.differenceLow()).isCloseTo(0.0000760288, within(1e-9));
    }

    @Test
    void smallArmsKeepTheirIntervalsInsideZeroToOne() {
        ExperimentStats.Comparison c = ExperimentStats.compare(50, 1, 40, 0);
        assertThat(c.control().low()).isCloseTo(0.0, within(1e-12));
        assertThat(c.control().high()).isCloseTo(0.0876216012, within(1e-9));
        assertThat(c.guided().low()).isCloseTo(0.0035392593, within(1e-9));
        assertThat(c.pValue()).isCloseTo(0.3684193919, within(1e-7));
        assertThat(c.relativeLift()).as("no rate to lift from").isNull();
    }

    @Test
    void anEmptyArmHasNoTest() {
        ExperimentStats.Comparison c = ExperimentStats.compare(100, 30, 0, 0);
        assertThat(c.guided().rate()).isEqualTo(0.3);
        assertThat(c.control().rate()).isNull();
        assertThat(c.z()).isNull();
        assertThat(c.pValue()).isNull();
    }

    @Test
    void theSplitIsDeterministicNearItsShareAndOffMeansGuidanceForAll() {
        ExperimentSplit split = new ExperimentSplit(true, 0.5, "guidance-1");
        String id = "6f1c1a9e-4c1b-4bb3-9a56-0d2d5c1e7f10";
        assertThat(new ExperimentSplit(true, 0.5, "guidance-1").arm(id)).isEqualTo(split.arm(id));
        long guided = IntStream.range(0, 20_000).mapToObj(i -> new UUID(i * 31L, i).toString())
                .filter(s -> split.arm(s) == Arm.GUIDED).count();
        assertThat(guided / 20_000.0).isCloseTo(0.5, within(0.02));
        ExperimentSplit reshuffled = new ExperimentSplit(true, 0.5, "guidance-2");
        long moved = IntStream.range(0, 2_000).mapToObj(i -> new UUID(i, i * 7L).toString())
                .filter(s -> split.arm(s) != reshuffled.arm(s)).count();
        assertThat(moved).as("a new salt reshuffles about half").isBetween(850L, 1150L);
        ExperimentSplit off = new ExperimentSplit(false, 0.5, "guidance-1");
        assertThat(IntStream.range(0, 100).mapToObj(i -> off.arm("s" + i)).distinct()).containsExactly(Arm.GUIDED);
    }
}
