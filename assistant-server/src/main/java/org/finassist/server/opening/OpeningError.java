package org.finassist.server.opening;

import org.finassist.server.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The opening API's problem details: a stable upper-case {@code code}, an English detail, a Chinese message. */
final class OpeningError {

    private OpeningError() {
    }

    static ProblemDetail of(HttpStatus status, String code, String detail, String customerMessage) {
        return Problems.of(status, code, detail, customerMessage);
    }

    static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail, String customerMessage) {
        return Problems.response(status, code, detail, customerMessage);
    }
}
