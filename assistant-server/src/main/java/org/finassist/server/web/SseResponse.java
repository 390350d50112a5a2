package org.finassist.server.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Commits a response as a server-sent-event stream that proxies must not buffer. */
public final class SseResponse {

    private SseResponse() {
    }

    public static ServletOutputStream begin(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return response.getOutputStream();
    }
}
