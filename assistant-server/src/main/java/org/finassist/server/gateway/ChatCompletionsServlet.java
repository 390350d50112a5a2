package org.finassist.server.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /v1/chat/completions} served by a servlet of its own, mapped by exact path ahead of Spring MVC's
 * dispatcher: the gateway reads and writes its bodies itself, so the dispatcher's per-request work (handler
 * lookup over every mapping, argument resolution, interceptors, request-handled events) bought nothing, and was
 * about a twentieth of a gateway request's CPU (issue 19 profile). Every servlet filter, Spring Security's chain
 * first, still runs in front of it.
 */
final class ChatCompletionsServlet extends HttpServlet {

    static final String PATH = "/v1/chat/completions";

    private final transient GatewayController controller;

    ChatCompletionsServlet(GatewayController controller) {
        this.controller = controller;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("POST".equals(request.getMethod())) {
            controller.chat(request, response);
            return;
        }
        response.setHeader("Allow", "POST");
        GatewayResponses.error(response, new GatewayException(405, "invalid_request_error", "method_not_allowed", null,
                "Request method '" + request.getMethod() + "' is not supported here; send a POST."));
    }
}
