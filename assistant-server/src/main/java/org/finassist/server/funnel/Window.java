package org.finassist.server.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A cohort's time window {@code [from, to)} in epoch milliseconds, named as the screen offers it. */
record Window(String name, long from, long to) {

    static final long DAY = 86_400_000L;

    /**
     * {@code today} (midnight to now), {@code yesterday}, or {@code 7d} (the seven full days before today), in
     * {@code zone}. Unknown names are refused, so the screen cannot ask for an unbounded scan.
     */
    static Window named(String name, Instant now, ZoneId zone) {
        long midnight = startOfDay(now, zone);
        return switch (name) {
            case "today" -> new Window(name, midnight, now.toEpochMilli() + 1);
            case "yesterday" -> new Window(name, midnight - DAY, midnight);
            case "7d" -> new Window(name, midnight - 7 * DAY, midnight);
            default -> throw new IllegalArgumentException("range must be today, yesterday or 7d");
        };
    }

    static Window day(LocalDate day, ZoneId zone) {
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        return new Window(day.toString(), from, day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    static long startOfDay(Instant now, ZoneId zone) {
        ZonedDateTime t = now.atZone(zone);
        return t.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
