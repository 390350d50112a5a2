package org.finassist.server.kb;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The servlet container's multipart parsing for every endpoint except knowledge-base uploads: those are streamed by
 * {@link KbUploads}, because the container refuses a whole request when one part is over its size limit.
 */
final class KbMultipartResolver implements MultipartResolver {

    private static final Pattern KB_UPLOAD = Pattern.compile("/api/kb/[^/]+/documents/?");

    private final StandardServletMultipartResolver standard = new StandardServletMultipartResolver();

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        // the content-type check first: the path pattern is a regex match on every request otherwise
        return standard.isMultipart(request) && !isKbUpload(request);
    }

    static boolean isKbUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && KB_UPLOAD.matcher(path).matches();
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        return standard.resolveMultipart(request);
    }

    @Override
    public void cleanupMultipart(MultipartHttpServletRequest request) {
        standard.cleanupMultipart(request);
    }
}
