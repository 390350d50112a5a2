package org.finassist.dh.session;

/**
 * Runs the writes of one handled frame — its audit records and the session's new state — as one atomic, durable
 * unit, before any frame is sent. The server backs it with a database transaction; without one, writes simply run.
 */
@FunctionalInterface
public interface Transactions {

    void inTransaction(Runnable work);

    /** No transaction: for in-memory stores. */
    static Transactions none() {
        return Runnable::run;
    }
}
