/**
 * AIGC commentary batches on db-scheduler: a run is one {@code commentary-run} task that schedules one
 * {@code commentary-item} task per article (instance id = the article's idempotent id); finished articles live in
 * {@code commentary_article}, so a rerun or a resumed run skips them without a model call. Endpoints under
 * {@code /api/commentary}, the {@code generate} command line, and the metrics {@code finassist.commentary.items}
 * and {@code finassist.commentary.runs.active}.
 */
package org.finassist.server.commentary;
