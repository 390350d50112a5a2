package org.finassist.server.web;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit; the caller answers 413 when it is larger. */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, or null when it is larger than {@code limit} bytes (the rest is drained up to 16 MiB). */
    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            return null;
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            in.skipNBytes(Math.min(16L << 20, Math.max(0, declaredLength)));
            return null;
        }
        return body;
    }
}
