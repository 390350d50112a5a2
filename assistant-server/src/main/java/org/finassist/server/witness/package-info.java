/**
 * Digital-human video witnessing in the server: the {@code /ws/runtime} WebSocket endpoint (protocol 1.1, token
 * auth, one connection per runtime id), the JDBC audit trail and versioned session store that make the database
 * copy authoritative on every node, decisions relayed to the node holding a runtime's connection through
 * {@code dh_decision}, and the supervisor side (docs/supervisor.md): the Chinese console page, its JSON/SSE feed
 * read from the database, decisions, audit export and verification, and their OpenAPI group.
 */
package org.finassist.server.witness;
