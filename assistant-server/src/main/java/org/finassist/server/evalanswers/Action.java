package org.finassist.server.evalanswers;

import java.util.Locale;

/** What a turn should do (or did): answer, decline honestly, or hand off to a person. */
enum Action {
    ANSWER, DECLINE, HANDOFF;

    static Action of(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "answer", "" -> ANSWER;
            case "decline" -> DECLINE;
            case "handoff", "hand-off", "hand_off" -> HANDOFF;
            default -> throw new IllegalArgumentException("expected action must be answer, decline or handoff: " + s);
        };
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
