package org.finassist.server.diagnosis;

import org.finassist.server.web.Problems;
import org.finassist.content.diagnosis.DiagnosisException;
import org.finassist.content.diagnosis.DiagnosisService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


/**
 * {@code GET /api/diagnosis/{symbol}}: a code (600000, 600000.SH, sh600000), a full, former or short name (贵州茅台,
 * 茅台) or pinyin initials (gzmt).
 */
@RestController
class DiagnosisController {

    private static final Logger log = LoggerFactory.getLogger(DiagnosisController.class);

    private final DiagnosisService service;

    DiagnosisController(DiagnosisService service) {
        this.service = service;
    }

    @GetMapping("/api/diagnosis/{symbol}")
    DiagnosisView diagnose(@PathVariable String symbol) {
        return DiagnosisView.of(service.diagnose(symbol));
    }

    /**
     * RFC 9457 problem details: a stable {@code code} (the refusal reason, lower case), English {@code detail}, Chinese
     * {@code message} for the customer, and {@code candidates} (symbols) when the name was ambiguous.
     */
    @ExceptionHandler(DiagnosisException.class)
    ResponseEntity<ProblemDetail> refused(DiagnosisException e) {
        HttpStatus status = switch (e.reason()) {
            case UNKNOWN_SYMBOL -> HttpStatus.NOT_FOUND;
            case AMBIGUOUS -> HttpStatus.CONFLICT;
            case NOT_A_STOCK -> HttpStatus.BAD_REQUEST;
            case SUSPENDED, INSUFFICIENT_HISTORY -> HttpStatus.UNPROCESSABLE_CONTENT;
            case BAD_DATA -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (e.reason() == DiagnosisException.Reason.BAD_DATA) {
            log.warn("Diagnosis failed on market data: {}", e.getMessage());
        } else {
            log.debug("Diagnosis refused ({}): {}", e.reason(), e.getMessage());
        }
        ProblemDetail problem = Problems.of(status, e.reason().name().toLowerCase(java.util.Locale.ROOT),
                e.getMessage(), e.customerMessage());
        if (!e.candidates().isEmpty()) {
            problem.setProperty("candidates", e.candidates().stream().map(Object::toString).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
