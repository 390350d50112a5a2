package org.finassist.server.commentary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's progress as the dashboard and the command line show it.
 *
 * @param state {@code running}, {@code done} or {@code cancelled}
 */
record RunView(String id, LocalDate date, String universe, List<String> types, int total, int done, int failed,
               int rejected, int skipped, int cancelled, String state, OffsetDateTime startedAt,
               OffsetDateTime finishedAt) {

    /** The wire shape of {@code GET /api/commentary/jobs} (the dashboard reads id, date, types, counts, state, startedAt). */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("date", date.toString());
        m.put("universe", universe);
        m.put("types", types);
        m.put("total", total);
        m.put("done", done);
        m.put("failed", failed);
        m.put("rejected", rejected);
        m.put("skipped", skipped);
        m.put("cancelled", cancelled);
        m.put("state", state);
        m.put("startedAt", startedAt.toInstant().toString());
        m.put("finishedAt", finishedAt == null ? null : finishedAt.toInstant().toString());
        return m;
    }

    int settled() {
        return done + failed + rejected + skipped + cancelled;
    }

    boolean finished() {
        return !"running".equals(state);
    }
}
