package org.finassist.server.keys;

/** A gateway request a key's policy refuses, with the OpenAI-shaped status, error type and code to answer with. */
public final class KeyRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;

    KeyRefusal(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }
}
