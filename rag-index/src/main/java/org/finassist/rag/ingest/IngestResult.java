package org.finassist.rag.ingest;

import java.util.List;

/** Outcome of ingesting one file. */
public sealed interface IngestResult {

    /** The file name. */
    String file();

    /** Indexed (new or changed); {@code warnings} lists skipped FAQ rows and the like. */
    record Indexed(String file, String docId, int chunks, List<String> warnings) implements IngestResult {
    }

    /** Same content hash as the stored document: nothing done. */
    record Unchanged(String file, String docId) implements IngestResult {
    }

    /** Not ingested; nothing of it is in the index. */
    record Failed(String file, String reason) implements IngestResult {
    }
}
