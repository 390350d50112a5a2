package org.finassist.server.funnel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Channel names as stored: lower case letters, digits, {@code -} and {@code _}, at most 40. Anything else from a
 * URL parameter becomes {@code other} rather than free text on the big screen; none given is {@code direct}.
 */
final class Channels {

    static final String DIRECT = "direct";
    static final String OTHER = "other";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,40}");

    private Channels() {
    }

    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return DIRECT;
        }
        String c = raw.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(c).matches() ? c : OTHER;
    }
}
