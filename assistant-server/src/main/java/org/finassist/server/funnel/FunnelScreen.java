package org.finassist.server.funnel;

import java.util.List;

/**
 * Everything the funnel screen shows, for one cohort (sessions started in {@code [from, to)}); times are ISO-8601,
 * durations in seconds, rates as fractions (0..1, null when there is nothing to divide). Day and hour buckets are
 * in {@code zone}. {@code simulated} says the figures come from the traffic simulator, not from customers.
 */
record FunnelScreen(String at, String zone, boolean simulated, String range, String from, String to,
                    Totals totals, List<StepFigures> steps, List<ChannelFigures> channels, Comparison comparison,
                    List<HourFigures> hours, List<DayFigures> days, ExperimentFigures experiment) {

    /** Sessions started, submitted (opening rate = submitted / started) and abandoned. */
    record Totals(long started, long submitted, long abandoned, Double openingRate) {
        static Totals of(long started, long submitted, long abandoned) {
            return new Totals(started, submitted, abandoned, rate(submitted, started));
        }
    }

    /**
     * One step: sessions that reached it, completed it, and gave up on it (abandoned there); conversion =
     * completed / entered, drop-out = abandoned / entered; the median time from entering to completing.
     */
    record StepFigures(int index, String step, String title, long entered, long completed, long abandoned,
                       Double conversion, Double dropOut, Double medianSeconds, List<ReasonCount> topReasons) {
    }

    /** A drop-out reason (the last failure on the step before the session was abandoned; none = left silently). */
    record ReasonCount(String reason, long sessions) {
    }

    record ChannelFigures(String channel, long leads, long submitted, Double openingRate) {
    }

    /** Today so far against the seven full days before it (totals and per-day averages). */
    record Comparison(Totals today, Totals last7Days, double leadsPerDayLast7, double submittedPerDayLast7) {
    }

    /** Events of one hour of today by event time, and the average of that hour over the last seven days. */
    record HourFigures(int hour, long started, long submitted, long abandoned, double startedAvg7,
                       double submittedAvg7) {
    }

    /**
     * One day by event time (started, submitted, abandoned that day) and as a cohort ({@code cohortSubmitted}:
     * sessions started that day and submitted, whenever). A session spanning midnight counts its start on one day
     * and its submission on the next, while the cohort credits it to its start day.
     */
    record DayFigures(String day, long started, long submitted, long abandoned, long cohortSubmitted,
                      Double cohortOpeningRate) {
    }

    /** The guidance experiment over the cohort. */
    record ExperimentFigures(boolean enabled, double guidedShare, ExperimentStats.Comparison result) {
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
