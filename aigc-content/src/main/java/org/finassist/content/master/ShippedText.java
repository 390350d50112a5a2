package org.finassist.content.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A curated list shipped on the classpath beside the securities master (nicknames, not-names), read as UTF-8. */
final class ShippedText {

    private ShippedText() {
    }

    /** The resource's text; a missing list is a packaging error, not an empty list. */
    static String read(String resource, String what) {
        try (InputStream in = ShippedText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
