/**
 * Digital-human video witnessing in the server: the {@code /ws/runtime} WebSocket endpoint with token auth,
 * JDBC audit trail and session store (so another node can resume a session), the supervisor console page and its
 * JSON feed, audit export and verification.
 */
package org.finassist.server.witness;
