package org.finassist.server.security;

import org.springframework.http.HttpStatus;
import org.finassist.server.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/widget/token}: an anonymous customer token for the demo widget (the brokerage app gives its
 * signed-in customers their own token instead). Each token is a new customer: it sees only its own records.
 */
@RestController
class CustomerTokenController {

    record TokenView(String token, String tokenType, long expiresIn) {
    }

    private final CustomerTokens tokens;

    CustomerTokenController(CustomerTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/widget/token")
    ResponseEntity<?> issue() {
        return tokens.issueAnonymous().<ResponseEntity<?>>map(t -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store").body(new TokenView(t.token(), "Bearer", t.expiresIn())))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "anonymous_tokens_disabled",
                        "This server does not issue anonymous customer tokens; the brokerage app signs its customers'"
                                + " tokens.", "请在券商App内登录后使用智能客服。"));
    }
}
