/**
 * The witness session engine: one state machine per customer session, driven by runtime frames and supervisor
 * decisions, talking to runtimes through {@link org.finassist.dh.session.RuntimeChannel}, recording everything in
 * the {@link org.finassist.dh.audit.AuditLog} before acknowledging it, and persisting each session's state in a
 * {@link org.finassist.dh.session.SessionStore} so another node can resume it.
 */
package org.finassist.dh.session;
