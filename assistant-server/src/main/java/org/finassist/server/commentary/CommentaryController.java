package org.finassist.server.commentary;

import org.springframework.http.ProblemDetail;
import org.finassist.server.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.finassist.content.commentary.ArticleId;
import org.finassist.content.commentary.ArticleType;
import org.finassist.server.web.SseResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/commentary}: start, list, watch (SSE) and cancel runs; list and fetch articles. */
@RestController
class CommentaryController {

    private static final Logger log = LoggerFactory.getLogger(CommentaryController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TICK = Duration.ofMillis(500);

    /** {@code POST /api/commentary/jobs} body; every field optional (latest day, csi300, recap). */
    record StartRequest(String date, String universe, List<String> types) {
    }

    private final CommentaryJobs jobs;
    private final JdbcArticleStore articles;

    CommentaryController(CommentaryJobs jobs, JdbcArticleStore articles) {
        this.jobs = jobs;
        this.articles = articles;
    }

    @PostMapping("/api/commentary/jobs")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) StartRequest body) {
        StartRequest r = body == null ? new StartRequest(null, null, null) : body;
        LocalDate date = r.date() == null || r.date().isBlank() ? null : LocalDate.parse(r.date().strip());
        RunView run = jobs.start(date, r.universe() == null ? "csi300" : r.universe(), types(r.types()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run.json());
    }

    @GetMapping("/api/commentary/jobs")
    List<Map<String, Object>> list(@RequestParam(defaultValue = "50") int limit) {
        return jobs.list(Math.clamp(limit, 1, 500)).stream().map(RunView::json).toList();
    }

    @GetMapping("/api/commentary/jobs/{id}")
    ResponseEntity<?> get(@PathVariable String id) {
        return jobs.get(id).<ResponseEntity<?>>map(r -> ResponseEntity.ok(r.json())).orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/api/commentary/jobs/{id}")
    ResponseEntity<?> delete(@PathVariable String id) {
        return cancel(id);
    }

    @PostMapping("/api/commentary/jobs/{id}/cancel")
    ResponseEntity<?> cancel(@PathVariable String id) {
        if (jobs.get(id).isEmpty()) {
            return notFound(id);
        }
        jobs.cancel(id);
        return ResponseEntity.ok(jobs.get(id).orElseThrow().json());
    }

    /** Server-sent {@code progress} events every half second, then {@code done} with the final counts. */
    @GetMapping("/api/commentary/jobs/{id}/events")
    void events(@PathVariable String id, HttpServletResponse response) throws IOException, InterruptedException {
        if (jobs.get(id).isEmpty()) {
            response.sendError(404, "No commentary run " + id);
            return;
        }
        ServletOutputStream out = SseResponse.begin(response);
        while (true) {
            RunView run = jobs.get(id).orElseThrow();
            try {
                write(out, run.finished() ? "done" : "progress", run.json());
            } catch (IOException e) {
                return; // the watcher went away; the run goes on
            }
            if (run.finished()) {
                return;
            }
            Thread.sleep(TICK);
        }
    }

    @GetMapping("/api/commentary/articles")
    List<JdbcArticleStore.Summary> articles(@RequestParam(required = false) String date,
                                            @RequestParam(required = false) String type,
                                            @RequestParam(required = false) String run,
                                            @RequestParam(defaultValue = "100") int limit,
                                            @RequestParam(defaultValue = "0") int offset) {
        return articles.list(date == null ? null : LocalDate.parse(date), type == null ? null : ArticleType.of(type).id(),
                run, Math.clamp(limit, 1, 1000), Math.max(0, offset));
    }

    /** One article as JSON, or as Markdown with {@code ?format=markdown}. */
    @GetMapping("/api/commentary/articles/{type}/{subject}/{date}/{version}")
    ResponseEntity<String> article(@PathVariable String type, @PathVariable String subject, @PathVariable String date,
                                   @PathVariable String version, @RequestParam(defaultValue = "json") String format) {
        String id = new ArticleId(ArticleType.of(type), subject, LocalDate.parse(date), version).value();
        boolean md = format.equalsIgnoreCase("markdown") || format.equalsIgnoreCase("md");
        return (md ? articles.markdown(id) : articles.json(id))
                .map(text -> ResponseEntity.ok().contentType(md ? new MediaType("text", "markdown", StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON).body(text))
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No article " + id));
    }

    @ExceptionHandler({IllegalArgumentException.class, java.time.format.DateTimeParseException.class})
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        log.debug("Commentary request refused: {}", e.getMessage());
        return Problems.response(HttpStatus.BAD_REQUEST, "bad_request", String.valueOf(e.getMessage()),
                "请求参数有误，请检查日期（如2024-09-19）、股票范围（如csi300）和文章类型（alert、recap、market、strategy、video）。");
    }

    private static Set<ArticleType> types(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return EnumSet.of(ArticleType.RECAP);
        }
        Set<ArticleType> out = EnumSet.noneOf(ArticleType.class);
        ids.forEach(t -> out.add(ArticleType.of(t)));
        return out;
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        return Problems.response(HttpStatus.NOT_FOUND, "not_found", "No commentary run " + id, "未找到该批次任务");
    }

    private static void write(ServletOutputStream out, String event, Object data) throws IOException {
        out.write(("event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
