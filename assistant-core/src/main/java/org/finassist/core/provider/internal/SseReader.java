package org.finassist.core.provider.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code data:} payloads of a server-sent-event stream, joining multi-line data as the spec says.
 * Comment lines ({@code : keep-alive}, DeepSeek's sign that a request is queued) are reported to {@code onComment}.
 */
final class SseReader {

    private final BufferedReader reader;
    private final Runnable onComment;

    SseReader(InputStream in, Runnable onComment) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192);
        this.onComment = onComment;
    }

    /** The next event's data, or null at the end of the stream. Other fields are skipped. */
    String next() throws IOException {
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.charAt(0) == ':') {
                onComment.run();
            } else if (line.startsWith("data:")) {
                String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString();
    }
}
