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
    private boolean ended;

    ChatSse(HttpServletResponse response) {
        this.response = response;
    }

    /** Writes one event; after {@link #end} every further event fails, which stops the turn that writes it. */
    synchronized void event(String name, Object data) {
        if (ended) {
            throw new Ended();
        }
        write(name, data);
    }

    /** Writes these last events (if the client is still there) and refuses any later one. */
    synchronized void end(String name, Object data, String lastName, Object lastData) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            write(name, data);
            write(lastName, lastData);
        } catch (UncheckedIOException | IllegalStateException e) {
            // the client went away already, or the container finished the response: nothing to tell it
        }
    }

    private void write(String name, Object data) {
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

    /** Thrown at the turn's next event after {@link #end}: it stops the turn; the controller ends the request quietly. */
    static final class Ended extends UncheckedIOException {
        Ended() {
            super(new IOException("the stream was ended at shutdown"));
        }
    }
}
