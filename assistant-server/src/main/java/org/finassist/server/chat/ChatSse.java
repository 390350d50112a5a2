package org.finassist.server.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import org.finassist.server.web.SseResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes named server-sent events with JSON data. */
final class ChatSse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServletResponse response;
    private ServletOutputStream out;

    ChatSse(HttpServletResponse response) {
        this.response = response;
    }

    void event(String name, Object data) {
        try {
            if (out == null) {
                out = SseResponse.begin(response);
            }
            String frame = "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
