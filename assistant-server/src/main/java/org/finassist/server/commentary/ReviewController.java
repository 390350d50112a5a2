package org.finassist.server.commentary;

import org.finassist.server.security.Callers;
import org.finassist.server.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/commentary/review}: the content-ops queue (role {@code content-ops}). The reviewer recorded is the
 * signed-in caller, not a name the body claims. Operators' API: English messages, RFC 9457 problem details with a
 * stable {@code code}.
 */
@RestController
class ReviewController {

    /**
     * {@code POST …/approve} and {@code …/reject} body; {@code reason} is required to reject. {@code reviewer} is
     * kept only beside an unauthenticated development caller (dev-loopback), to tell testers apart.
     */
    record Decision(String id, String reviewer, String reason) {
    }

    private final ReviewQueue queue;

    ReviewController(ReviewQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/api/commentary/review")
    Map<String, Object> list(@RequestParam(defaultValue = "pending") String state,
                             @RequestParam(defaultValue = "100") int limit,
                             @RequestParam(defaultValue = "0") int offset) {
        ReviewState s = ReviewState.parse(state).orElseThrow(() -> new IllegalArgumentException(
                "state must be pending, approved, rejected or blocked: " + state));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.id());
        out.put("counts", queue.counts());
        out.put("publishHook", queue.hook().describe());
        out.put("items", queue.list(s, Math.clamp(limit, 1, 500), Math.max(0, offset)));
        return out;
    }

    @GetMapping("/api/commentary/review/item")
    ResponseEntity<?> item(@RequestParam String id) {
        return queue.get(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "not_found", "No article " + id));
    }

    @PostMapping("/api/commentary/review/approve")
    JdbcArticleStore.ReviewItem approve(@RequestBody Decision d) {
        return queue.approve(required(d), reviewer(d));
    }

    @PostMapping("/api/commentary/review/reject")
    JdbcArticleStore.ReviewItem reject(@RequestBody Decision d) {
        return queue.reject(required(d), reviewer(d), d.reason());
    }

    private static String reviewer(Decision d) {
        String who = Callers.currentSubject();
        boolean named = d.reviewer() != null && !d.reviewer().isBlank();
        return who.startsWith("operator:") || !named ? who : who + " (" + d.reviewer().strip() + ")";
    }

    private static String required(Decision d) {
        if (d == null || d.id() == null || d.id().isBlank()) {
            throw new IllegalArgumentException("The body needs the article id");
        }
        return d.id().strip();
    }

    @ExceptionHandler(ReviewQueue.RefusedException.class)
    ResponseEntity<ProblemDetail> refused(ReviewQueue.RefusedException e) {
        HttpStatus status = switch (e.refusal()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_PENDING -> HttpStatus.CONFLICT;
            case REVIEWER_REQUIRED, REASON_REQUIRED -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, e.refusal().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return Problems.response(status, code, detail);
    }
}
