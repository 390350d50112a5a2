package org.finassist.server.gate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/inbox}: the agents' inbox on /manage (operators, English errors as problem details). An agent claims
 * a handed-off conversation, replies (the widget shows it), resolves it, and may save the answer as a FAQ draft that
 * a knowledge-base owner approves or rejects before anyone adds it to a knowledge base.
 */
@RestController
class InboxController {

    private static final int MAX_REPLY = 2000;

    /** An agent's action body: who they are, and the reply text or draft when there is one. */
    record Action(String agent, String text, String question, String answer) {
    }

    private final InboxStore store;

    InboxController(InboxStore store) {
        this.store = store;
    }

    @GetMapping("/admin/inbox")
    List<InboxStore.Item> list(@RequestParam(required = false) String status) {
        return store.list(status == null || status.isBlank() ? null : status, 200);
    }

    @GetMapping("/admin/inbox/{id}")
    List<InboxStore.Line> history(@PathVariable String id) {
        return store.history(id);
    }

    @PostMapping("/admin/inbox/{id}/claim")
    ResponseEntity<?> claim(@PathVariable String id, @RequestBody Action a) {
        return done(valid(a) && store.claim(id, a.agent()), "not_waiting",
                "The conversation is not waiting for an agent (already claimed, resolved, or unknown).");
    }

    @PostMapping("/admin/inbox/{id}/reply")
    ResponseEntity<?> reply(@PathVariable String id, @RequestBody Action a) {
        if (a.text() == null || a.text().isBlank() || a.text().length() > MAX_REPLY) {
            return problem(HttpStatus.BAD_REQUEST, "bad_reply", "'text' is required, at most " + MAX_REPLY + " characters.");
        }
        return done(valid(a) && store.reply(id, a.agent(), a.text().strip()), "not_claimed",
                "Claim the conversation before replying.");
    }

    @PostMapping("/admin/inbox/{id}/resolve")
    ResponseEntity<?> resolve(@PathVariable String id, @RequestBody Action a) {
        return done(valid(a) && store.resolve(id, a.agent()), "not_claimed", "Only the agent who claimed it resolves it.");
    }

    @PostMapping("/admin/inbox/{id}/faq-draft")
    ResponseEntity<?> draft(@PathVariable String id, @RequestBody Action a) {
        if (a.question() == null || a.question().isBlank() || a.answer() == null || a.answer().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "bad_draft", "'question' and 'answer' are required.");
        }
        return done(store.saveDraft(id, a.question().strip(), a.answer().strip()), "not_resolved",
                "Only a resolved conversation can become a FAQ draft.");
    }

    @GetMapping("/admin/faq-drafts")
    List<InboxStore.Draft> drafts() {
        return store.drafts();
    }

    @PostMapping("/admin/faq-drafts/{id}/{decision:approve|reject}")
    ResponseEntity<?> review(@PathVariable long id, @PathVariable String decision) {
        return done(store.review(id, decision.equals("approve") ? "approved" : "rejected"), "not_a_draft",
                "No draft with that id is waiting for review.");
    }

    private static boolean valid(Action a) {
        return a != null && a.agent() != null && !a.agent().isBlank() && a.agent().length() <= 80;
    }

    private static ResponseEntity<?> done(boolean ok, String code, String detail) {
        return ok ? ResponseEntity.ok(Map.of("ok", true)) : problem(HttpStatus.CONFLICT, code, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return org.finassist.server.web.Problems.response(status, code, detail);
    }
}
