package org.finassist.server.funnel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.finassist.server.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funnel screen's API: {@code GET /api/ops/funnel} (figures), {@code GET /api/ops/funnel.csv} (export), {@code
 * GET /api/ops/funnel/reports/{day}} (the daily report) and {@code POST /admin/funnel/simulate} (the traffic
 * simulator; loopback or admin token, since it writes rows). {@code source=simulated} reads the simulator's rows
 * instead of customers'. Errors are problem details with a stable {@code code}; this is an operator API, in English.
 */
@RestController
class FunnelController {

    private static final int MAX_SIMULATED = 200_000;

    private final FunnelQueries queries;
    private final FunnelCsv csv;
    private final DailyReportJob reports;
    private final FunnelSimulator simulator;
    private final FunnelProperties props;
    private final Clock clock;

    FunnelController(FunnelQueries queries, FunnelCsv csv, DailyReportJob reports, FunnelSimulator simulator,
                     FunnelProperties props) {
        this.queries = queries;
        this.csv = csv;
        this.reports = reports;
        this.simulator = simulator;
        this.props = props;
        this.clock = queries.clock();
    }

    @GetMapping("/api/ops/funnel")
    FunnelScreen screen(@RequestParam(defaultValue = "today") String range,
                        @RequestParam(defaultValue = "real") String source) {
        return queries.screen(range, simulated(source));
    }

    @GetMapping(path = "/api/ops/funnel.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> export(@RequestParam(defaultValue = "today") String range,
                                  @RequestParam(defaultValue = "real") String source,
                                  @RequestParam(defaultValue = "steps") String table) {
        boolean sim = simulated(source);
        String body = switch (table) {
            case "steps" -> FunnelCsv.steps(queries.screen(range, sim));
            case "hourly" -> csv.hourly(Window.named(range, clock.instant(), queries.zone()), sim);
            default -> throw new BadRequest("bad_table", "table must be steps or hourly");
        };
        return ResponseEntity.ok().header("Content-Disposition",
                "attachment; filename=\"funnel-" + table + "-" + range + (sim ? "-simulated" : "") + ".csv\"")
                .body(body);
    }

    @GetMapping("/api/ops/funnel/reports/{day}")
    ResponseEntity<String> report(@PathVariable String day, @RequestParam(defaultValue = "md") String format) {
        LocalDate d;
        try {
            d = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad_day", "day must be YYYY-MM-DD");
        }
        DailyReport.Rendered r = reports.report(d).orElseThrow(() -> new NotFound("report_not_found",
                "no funnel report for " + day + " (reports are written for each past day after midnight)"));
        boolean html = "html".equals(format);
        return ResponseEntity.ok().contentType(html ? MediaType.TEXT_HTML : new MediaType("text", "markdown"))
                .body(html ? r.html() : r.markdown());
    }

    @PostMapping("/admin/funnel/simulate")
    FunnelSimulator.Run simulate(@RequestParam int sessions,
                                 @RequestParam(defaultValue = "8") int days,
                                 @RequestParam(required = false) Long seed) {
        if (!props.simulator()) {
            throw new NotFound("simulator_disabled", "the traffic simulator is off (finassist.funnel.simulator)");
        }
        if (sessions < 1 || sessions > MAX_SIMULATED || days < 1 || days > 31) {
            throw new BadRequest("bad_simulation", "sessions must be 1.." + MAX_SIMULATED + " and days 1..31");
        }
        return simulator.run(sessions, days, clock.millis(), seed == null ? System.nanoTime() : seed);
    }

    private static boolean simulated(String source) {
        return switch (source) {
            case "real" -> false;
            case "simulated" -> true;
            default -> throw new BadRequest("bad_source", "source must be real or simulated");
        };
    }

    static class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String code, String detail) {
            super(detail);
            this.code = code;
        }
    }

    static final class NotFound extends BadRequest {
        NotFound(String code, String detail) {
            super(code, detail);
        }
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> problem(BadRequest e) {
        return Problems.response(e instanceof NotFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.code,
                e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRange(IllegalArgumentException e) {
        return problem(new BadRequest("bad_range", e.getMessage()));
    }
}
