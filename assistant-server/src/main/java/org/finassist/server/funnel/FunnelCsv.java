package org.finassist.server.funnel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.finassist.server.funnel.FunnelScreen.StepFigures;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CSV export (RFC 4180, comma, CRLF, header row): the cohort's steps, or the window's events counted by hour,
 * channel, arm, kind, step and reason. Values that could start a spreadsheet formula are prefixed with a quote.
 */
final class FunnelCsv {

    private final JdbcTemplate jdbc;
    private final StepCatalog catalog;
    private final java.time.ZoneId zone;

    FunnelCsv(JdbcTemplate jdbc, StepCatalog catalog, java.time.ZoneId zone) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.zone = zone;
    }

    static String steps(FunnelScreen s) {
        StringBuilder out = new StringBuilder("step_index,step,title,entered,completed,conversion,abandoned,drop_out,"
                + "median_seconds,top_reasons\r\n");
        for (StepFigures f : s.steps()) {
            out.append(f.index() + 1).append(',').append(cell(f.step())).append(',').append(cell(f.title())).append(',')
                    .append(f.entered()).append(',').append(f.completed()).append(',').append(num(f.conversion()))
                    .append(',').append(f.abandoned()).append(',').append(num(f.dropOut())).append(',')
                    .append(num(f.medianSeconds())).append(',').append(cell(String.join("; ", f.topReasons().stream()
                            .map(r -> r.reason() + "=" + r.sessions()).toList()))).append("\r\n");
        }
        return out.toString();
    }

    String hourly(Window w, boolean simulated) {
        long off = zone.getRules().getOffset(Instant.ofEpochMilli(w.from())).getTotalSeconds() * 1000L;
        StringBuilder out = new StringBuilder("hour_start_local,channel,arm,kind,step,reason,events\r\n");
        jdbc.query("SELECT (at_millis + " + off + ") / 3600000 AS h, channel, arm, kind, step_index, reason, COUNT(*) "
                + "FROM funnel_event WHERE simulated = ? AND at_millis >= ? AND at_millis < ? "
                + "GROUP BY (at_millis + " + off + ") / 3600000, channel, arm, kind, step_index, reason "
                + "ORDER BY 1, 2, 3, 4, 5, 6", rs -> {
                    LocalDateTime hour = LocalDateTime.ofEpochSecond(rs.getLong(1) * 3600, 0, ZoneOffset.UTC);
                    int step = rs.getInt(5);
                    String stepId = rs.wasNull() || step < 0 || step >= catalog.size() ? "" : catalog.id(step);
                    out.append(hour).append(',').append(cell(rs.getString(2))).append(',').append(rs.getString(3))
                            .append(',').append(rs.getString(4)).append(',').append(stepId).append(',')
                            .append(cell(rs.getString(6))).append(',').append(rs.getLong(7)).append("\r\n");
                }, simulated, w.from(), w.to());
        return out.toString();
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return s.matches(".*[,\"\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
