package org.finassist.server.funnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes yesterday's report (customers' sessions only, never simulated ones) once across all nodes: each node
 * checks now and then; the first to insert the day's {@code funnel_report} row has written it, the others' inserts
 * fail on the key and they skip. The row is what {@code GET /api/ops/funnel/reports/{day}} serves; the files in
 * {@code dir} are a convenience on the node that wrote them.
 */
final class DailyReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReportJob.class);

    private final JdbcTemplate jdbc;
    private final FunnelQueries queries;
    private final Clock clock;
    private final Path dir;

    DailyReportJob(JdbcTemplate jdbc, FunnelQueries queries, Clock clock, Path dir) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.clock = clock;
        this.dir = dir;
    }

    /** Writes yesterday's report unless some node has; returns the day written by this call, if any. */
    Optional<LocalDate> run() {
        Instant now = clock.instant();
        LocalDate day = now.atZone(queries.zone()).toLocalDate().minusDays(1);
        if (report(day).isPresent()) {
            return Optional.empty();
        }
        DailyReport.Rendered r = DailyReport.render(day.toString(),
                queries.screen(Window.day(day, queries.zone()), false, now));
        try {
            jdbc.update("INSERT INTO funnel_report (report_day, created_at_millis, markdown, html) VALUES (?, ?, ?, ?)",
                    day.toString(), now.toEpochMilli(), r.markdown(), r.html());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        writeFiles(day, r);
        LOG.info("funnel report for {} written", day);
        return Optional.of(day);
    }

    private void writeFiles(LocalDate day, DailyReport.Rendered r) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("funnel-" + day + ".md"), r.markdown(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("funnel-" + day + ".html"), r.html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("funnel report for {} kept in the database only: {}", day, e.toString());
        }
    }

    /** The stored report of a day (Markdown and HTML). */
    Optional<DailyReport.Rendered> report(LocalDate day) {
        List<DailyReport.Rendered> found = jdbc.query("SELECT markdown, html FROM funnel_report WHERE report_day = ?",
                (rs, i) -> new DailyReport.Rendered(rs.getString(1), rs.getString(2)), day.toString());
        return found.stream().findFirst();
    }
}
