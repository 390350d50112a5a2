package org.finassist.dh.session;

/** Something a supervisor should see: a runtime event or a failed check. */
public record Flag(String kind, String detail, long atMillis) {
}
