package org.finassist.server.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTest {

    private static final String STATUS = "Name:\tx\nvoluntary_ctxt_switches:\t120\nnonvoluntary_ctxt_switches:\t7\n";

    @Test
    void aThreadNameWithSpacesAndParenthesesIsCutAtTheLastParenthesisAndItsDigitsFolded() {
        String stat = "4242 (C2 Compiler(1) 3) S 1 1 1 0 -1 4194368 10 0 0 0 250 31 0 0 20 0 40 0 1234 0 0";

        Map.Entry<String, ThreadCpu.Counters> e = ThreadCpu.parse(stat, STATUS);

        assertThat(e.getKey()).isEqualTo("C# Compiler(#) #");
        assertThat(e.getValue()).isEqualTo(new ThreadCpu.Counters(250, 31, 120, 7));
    }

    @Test
    void perRequestGivesEachGroupsWindowDividedByTheRequestsMostCpuFirstAndLeavesIdleGroupsOut() {
        Map<String, ThreadCpu.Counters> before = Map.of(
                "ForkJoinPool-#-", new ThreadCpu.Counters(100, 50, 1000, 10),
                "http-nio-#-", new ThreadCpu.Counters(10, 10, 500, 0),
                "idle-timer", new ThreadCpu.Counters(5, 5, 3, 0));
        Map<String, ThreadCpu.Counters> after = Map.of(
                "ForkJoinPool-#-", new ThreadCpu.Counters(200, 100, 6000, 510),
                "http-nio-#-", new ThreadCpu.Counters(20, 40, 2500, 0),
                "idle-timer", new ThreadCpu.Counters(5, 5, 3, 0),
                "new-thread", new ThreadCpu.Counters(0, 0, 1000, 0));

        // 1,000 requests: 150 ticks = 1.5 s = 1,500 µs per request
        String line = ThreadCpu.perRequest(before, after, 1000, 8);

        assertThat(line).isEqualTo("ForkJoinPool-#- 1500 µs (sys 500), 5.50 switches; "
                + "http-nio-#- 400 µs (sys 300), 2.00 switches; new-thread 0 µs (sys 0), 1.00 switches");
        assertThat(ThreadCpu.perRequest(before, after, 1000, 1)).doesNotContain("http-nio");
    }
}
