package org.finassist.core.router;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidatePlannerTest {

    @Test
    void weightsDecideWhoGoesFirstWithinARank() {
        RouteConfig route = RouteConfig.parse("qa", List.of("a:x=80, b:y=20", "c:z"));
        int aFirst = 0;
        for (int i = 0; i < 5000; i++) {
            List<Candidate> plan = CandidatePlanner.plan(route);
            assertThat(plan).hasSize(3);
            assertThat(plan.get(2).id()).isEqualTo("c:z");
            if (plan.getFirst().provider().equals("a")) {
                aFirst++;
            }
        }
        assertThat(aFirst).isBetween(3800, 4200);
    }

    @Test
    void localIsNeverPlannedTwiceAndBadSyntaxIsRejected() {
        assertThat(CandidatePlanner.plan(RouteConfig.parse("qa", List.of("a:x", "local:grounded")))).hasSize(1);
        assertThatThrownBy(() -> Candidate.parse("no-colon")).hasMessageContaining("provider:model");
    }
}
