/**
 * The witness session engine: one state machine per customer session, driven by runtime frames and supervisor
 * decisions, talking to runtimes through {@link org.finassist.dh.session.RuntimeChannel}, recording everything in
 * the {@link org.finassist.dh.audit.AuditLog} before acknowledging it, and persisting each session's state in a
 * {@link org.finassist.dh.session.SessionStore}. The stored copy is authoritative: a node resumes and rejoins
 * sessions from it, never from memory, and a save over a newer version fails
 * ({@link org.finassist.dh.session.StaleSessionException}) so the frame is applied again to a fresh copy.
 */
package org.finassist.dh.session;
