package org.finassist.server.gateway;

/** A request the gateway refuses, with the OpenAI error type and code to answer with. */
final class GatewayException extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;

    GatewayException(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static GatewayException invalid(String param, String message) {
        return new GatewayException(400, "invalid_request_error", "invalid_request", param, message);
    }
}
