package org.finassist.server.opening;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an oversized ID-photo upload from its Content-Length, before the multipart body is read or parsed, with
 * the same error shape as the rest of the API. Chunked uploads without a length still meet the servlet's own
 * multipart limit.
 */
final class UploadSizeFilter extends OncePerRequestFilter {

    /** Room for the multipart boundaries and the other form fields. */
    private static final long ENVELOPE = 64 * 1024;

    private final long maxBytes;

    UploadSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes + ENVELOPE) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Connection", "close");
            response.getWriter().write("{\"code\":\"TOO_LARGE\",\"message\":\"图片文件过大，请压缩到"
                    + (maxBytes / (1024 * 1024)) + "MB以内后重新上传。\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
