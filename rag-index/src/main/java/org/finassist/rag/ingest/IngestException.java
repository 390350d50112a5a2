package org.finassist.rag.ingest;

/** A file that cannot be ingested; the message says why, for the knowledge-base owner. */
final class IngestException extends Exception {

    IngestException(String message) {
        super(message);
    }

    IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
