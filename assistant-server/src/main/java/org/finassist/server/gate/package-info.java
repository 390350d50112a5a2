/**
 * Server side of the answer gate and hand-off: the gate and detector beans every customer-facing answer goes through
 * (chat, customer-facing gateway keys, witness off-script answers), the withhold meter and audit table, and the
 * agents' inbox under {@code /admin/inbox} (claim, reply, resolve, save as FAQ draft).
 */
package org.finassist.server.gate;
