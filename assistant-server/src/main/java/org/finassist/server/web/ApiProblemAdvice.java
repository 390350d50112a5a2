package org.finassist.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception no controller handled into the platform's problem details, so no Spring default error body
 * reaches a client: a missing multipart part, a wrong content type, an over-limit upload, an unknown path, an
 * unexpected failure. Controllers' own handlers run first; this advice has the lowest precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse er) {
            return handleExceptionInternal(e, null, er.getHeaders(), er.getStatusCode(), request);
        }
        log.error("Unhandled error on {}", path(request), e);
        return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String detail = ex instanceof ErrorResponse er && er.getBody().getDetail() != null
                ? er.getBody().getDetail() : status.is5xxServerError() ? "Internal error" : ex.getMessage();
        String code = ErrorCodes.forException(ex, status);
        if (GatewayErrors.isGatewayPath(path(request))) {
            return ResponseEntity.status(status).headers(headers).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(GatewayErrors.body(detail, status, code));
        }
        ProblemDetail problem = Problems.of(status, code, detail, ErrorCodes.customerMessage(status));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static String path(WebRequest request) {
        HttpServletRequest http = request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
        return http == null ? "" : http.getRequestURI();
    }
}
