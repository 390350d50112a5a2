package org.finassist.rag.rerank;

/** The reranker could not score a question's passages (unreachable, slow, refused, or answered nonsense). */
public final class RerankException extends RuntimeException {

    RerankException(String message, Throwable cause) {
        super(message, cause);
    }
}
