package org.finassist.server.funnel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the opening funnel ({@code finassist.funnel.*}).
 *
 * @param enabled      record funnel events (off: the guide runs without them and everyone gets guidance)
 * @param abandonAfter a session with no activity this long, not submitted, counts as abandoned at the step it is on
 * @param sweepEvery   how often a node looks for newly abandoned sessions
 * @param zone         time zone of the day and hour buckets, the "today" of the screen and the daily report
 * @param experiment   the guidance on/off experiment
 * @param report       the daily report job
 * @param simulator    whether {@code POST /api/ops/funnel/simulate} may write simulated sessions
 */
@ConfigurationProperties("finassist.funnel")
public record FunnelProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30m") Duration abandonAfter,
        @DefaultValue("1m") Duration sweepEvery,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue Experiment experiment,
        @DefaultValue Report report,
        @DefaultValue("true") boolean simulator) {

    /**
     * @param enabled     split sessions between guidance on and off; off: every session is guided
     * @param guidedShare share of sessions with guidance (0..1)
     * @param salt        changes the split; use a new one for each new experiment
     */
    public record Experiment(@DefaultValue("false") boolean enabled, @DefaultValue("0.5") double guidedShare,
                             @DefaultValue("guidance-1") String salt) {
    }

    /**
     * @param enabled    write yesterday's report once a day (the first node to claim the day writes it)
     * @param checkEvery how often a node checks whether yesterday's report is written
     * @param dir        where the Markdown and HTML files go, besides the database; empty: {@code <data-dir>/reports}
     */
    public record Report(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration checkEvery,
                         @DefaultValue("") String dir) {
    }
}
