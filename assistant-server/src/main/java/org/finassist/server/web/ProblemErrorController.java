package org.finassist.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error page ({@code /error}) for failures outside Spring MVC (a filter, the container's own
 * multipart or size limits) with the same problem details, instead of Spring Boot's default JSON or an empty body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer i && i >= 400 ? i : 500);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String errorCode = ErrorCodes.forStatus(status.value());
        String detail = status.is5xxServerError() ? "Internal error"
                : HttpStatus.resolve(status.value()) == null ? "Request failed" : HttpStatus.resolve(status.value()).getReasonPhrase();
        if (GatewayErrors.isGatewayPath(path == null ? null : path.toString())) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(GatewayErrors.body(detail, status, errorCode));
        }
        return ResponseEntity.status(status).body(Problems.of(status, errorCode, detail, ErrorCodes.customerMessage(status)));
    }
}
