package org.finassist.server.web;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit; the caller answers 413 when it is larger. */
public final class BoundedBody {

    /** Bodies declared up to this size are read into an array of exactly their length. */
    static final int EXACT_UP_TO = 64 * 1024;

    private BoundedBody() {
    }

    /** The body, or null when it is larger than {@code limit} bytes (the rest is drained up to 16 MiB). */
    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            return null;
        }
        if (declaredLength >= 0 && declaredLength <= EXACT_UP_TO) {
            // the declared length exactly: readNBytes(limit + 1) allocated 8 KiB chunks and a copy per request
            // (issue 19: the largest allocation site of a gateway request); the container ends the stream there.
            // Only for small bodies: a client declaring megabytes and sending nothing must not get them allocated
            byte[] body = new byte[(int) declaredLength];
            int n = in.readNBytes(body, 0, body.length);
            return n == body.length ? body : java.util.Arrays.copyOf(body, n);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            in.skipNBytes(Math.min(16L << 20, Math.max(0, declaredLength)));
            return null;
        }
        return body;
    }
}
