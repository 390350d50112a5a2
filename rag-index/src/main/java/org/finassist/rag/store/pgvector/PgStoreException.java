package org.finassist.rag.store.pgvector;

/** A failed PostgreSQL operation of the knowledge store. */
public final class PgStoreException extends RuntimeException {

    PgStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
