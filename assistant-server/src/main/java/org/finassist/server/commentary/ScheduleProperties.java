package org.finassist.server.commentary;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code finassist.content.schedule.*}: scheduled commentary runs on db-scheduler, on trading days only.
 *
 * @param enabled     run the schedule on this deployment (default false: runs are started by hand)
 * @param zone        the exchanges' clock (default Asia/Shanghai)
 * @param alertEvery  盯盘 alerts every this many minutes during trading hours (09:30–11:30, 13:00–15:00; default 5m,
 *                    whole minutes dividing an hour)
 * @param recapAt     复盘 after the close (default 15:30)
 * @param universe    the constituent list the runs cover (default csi300)
 * @param alertTypes  article types of the intraday runs (default alert)
 * @param recapTypes  article types of the after-close run (default recap, market)
 */
@ConfigurationProperties("finassist.content.schedule")
public record ScheduleProperties(Boolean enabled, ZoneId zone, Duration alertEvery, LocalTime recapAt, String universe,
                                 List<String> alertTypes, List<String> recapTypes) {

    public ScheduleProperties {
        enabled = enabled != null && enabled;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        alertEvery = alertEvery == null ? Duration.ofMinutes(5) : alertEvery;
        recapAt = recapAt == null ? LocalTime.of(15, 30) : recapAt;
        universe = universe == null || universe.isBlank() ? "csi300" : universe.strip();
        alertTypes = alertTypes == null || alertTypes.isEmpty() ? List.of("alert") : List.copyOf(alertTypes);
        recapTypes = recapTypes == null || recapTypes.isEmpty() ? List.of("recap", "market") : List.copyOf(recapTypes);
        long minutes = alertEvery.toMinutes();
        if (minutes < 1 || minutes > 60 || 60 % minutes != 0 || alertEvery.toSecondsPart() != 0) {
            throw new IllegalArgumentException("finassist.content.schedule.alert-every must be whole minutes dividing "
                    + "an hour (1m, 5m, 15m…): " + alertEvery);
        }
    }
}
