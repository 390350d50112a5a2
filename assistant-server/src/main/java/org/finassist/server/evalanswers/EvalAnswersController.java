package org.finassist.server.evalanswers;

import jakarta.servlet.http.HttpServletRequest;
import org.finassist.server.security.Callers;
import org.finassist.server.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code /admin/eval-answers}: the answer evaluation of the {@code eval-answers} CLI, started from {@code /manage}
 * (roles admin and content-ops). A question set is either one of the shipped sets (the files of
 * {@code finassist.eval-answers.sets-dir}) or uploaded as text (CSV or JSONL, the CLI's formats).
 */
@RestController
class EvalAnswersController {

    /** An uploaded set is read whole into memory: 2 MB holds about 10,000 questions. */
    static final int MAX_UPLOAD_CHARS = 2 * 1024 * 1024;
    private static final Pattern SET_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}\\.(jsonl|csv)");

    private final EvalRuns runs;
    private final Path setsDir;

    EvalAnswersController(EvalRuns runs, @Value("${finassist.eval-answers.sets-dir:eval/answers}") Path setsDir) {
        this.runs = runs;
        this.setsDir = setsDir;
    }

    /** A shipped question set. */
    record SetView(String name, int questions) {
    }

    /** Start a run: {@code set} names a shipped set, or {@code name} + {@code content} upload one. */
    record StartRequest(String set, String name, String content) {
    }

    @GetMapping("/admin/eval-answers/sets")
    List<SetView> sets() throws IOException {
        if (!Files.isDirectory(setsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(setsDir)) {
            return files.filter(f -> SET_NAME.matcher(f.getFileName().toString()).matches()).sorted()
                    .map(f -> new SetView(f.getFileName().toString(), count(f))).toList();
        }
    }

    @PostMapping("/admin/eval-answers/runs")
    ResponseEntity<?> start(@RequestBody StartRequest body, HttpServletRequest request) {
        String name;
        List<AnswerCase> cases;
        try {
            if (body.set() != null && !body.set().isBlank()) {
                if (!SET_NAME.matcher(body.set()).matches() || !Files.isRegularFile(setsDir.resolve(body.set()))) {
                    return Problems.response(HttpStatus.NOT_FOUND, "no_such_set", "No shipped question set '"
                            + body.set() + "'");
                }
                name = body.set();
                cases = AnswerCases.load(setsDir.resolve(body.set()));
            } else {
                if (body.content() == null || body.content().isBlank()) {
                    return Problems.response(HttpStatus.BAD_REQUEST, "no_questions",
                            "Name a shipped set ('set') or upload one ('name' and 'content')");
                }
                if (body.content().length() > MAX_UPLOAD_CHARS) {
                    return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "set_too_large",
                            "An uploaded set may have at most " + MAX_UPLOAD_CHARS + " characters");
                }
                name = body.name() == null || body.name().isBlank() ? "upload.jsonl" : body.name().strip();
                String text = body.content().replace("\uFEFF", "");
                cases = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? AnswerCases.csv(text) : AnswerCases.jsonl(text);
            }
        } catch (IOException | RuntimeException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_question_set",
                    "The question set could not be read: " + e.getMessage());
        }
        if (cases.isEmpty() || cases.size() > EvalRuns.MAX_QUESTIONS) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_question_set",
                    "A set needs 1 to " + EvalRuns.MAX_QUESTIONS + " questions, this one has " + cases.size());
        }
        EvalRun run = runs.start(name, cases, Callers.subject(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(EvalRunView.of(run, false));
    }

    @GetMapping("/admin/eval-answers/runs")
    List<EvalRunView> list() {
        return runs.list().stream().map(r -> EvalRunView.of(r, false)).toList();
    }

    @GetMapping("/admin/eval-answers/runs/{id}")
    ResponseEntity<?> run(@PathVariable String id) {
        return runs.find(id).<ResponseEntity<?>>map(r -> ResponseEntity.ok(EvalRunView.of(r, true)))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "no_such_run", "No evaluation run " + id));
    }

    private static int count(Path f) {
        try {
            return AnswerCases.load(f).size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
