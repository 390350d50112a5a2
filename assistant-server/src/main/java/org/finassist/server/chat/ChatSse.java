package org.finassist.server.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

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
                response.setStatus(200);
                response.setContentType("text/event-stream");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setHeader("X-Accel-Buffering", "no");
                out = response.getOutputStream();
            }
            String frame = "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
