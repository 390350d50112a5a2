package org.finassist.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do: every key serves the customer-facing APIs; supervisor keys also decide witnesses. */
public enum KeyRole {
    CLIENT,
    SUPERVISOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<KeyRole> parse(String s) {
        return Arrays.stream(values()).filter(r -> r.wireName().equalsIgnoreCase(s == null ? "" : s.strip())).findFirst();
    }
}
