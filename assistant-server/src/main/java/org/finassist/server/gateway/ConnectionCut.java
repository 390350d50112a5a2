package org.finassist.server.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Ends a committed stream by cutting the connection, so the client sees an incomplete body (no final chunk) and
 * reports an error. A clean end after the error event lets clients that ignore error events (langchain4j's
 * streaming client) take truncated text for a complete answer.
 *
 * <p>The Servlet API has no way to abort a committed response, and an exception thrown for the purpose is either
 * swallowed by Spring as a client disconnect or turned into an error page written into the stream. So a handler
 * marks the request ({@link #mark}) and a Tomcat valve closes the connection after the servlet returned, as
 * Tomcat's own ErrorReportValve does for committed responses that failed.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionCut {

    private static final String ATTRIBUTE = ConnectionCut.class.getName();

    /** Asks for the connection to be cut once the handler returns. */
    static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionCutValve() {
        return factory -> factory.addContextValves(new CutValve());
    }

    /** Closes the connection at once (no final chunk) for requests marked by {@link #mark}. */
    static final class CutValve extends ValveBase {

        CutValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (request.getAttribute(ATTRIBUTE) != null && response.isCommitted()) {
                response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            }
        }
    }
}
