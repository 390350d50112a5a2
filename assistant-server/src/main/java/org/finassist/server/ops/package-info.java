/**
 * The operations dashboard ({@code /ops}), the admin page ({@code /manage}) and {@code GET /api/ops/summary}: one
 * JSON snapshot of the router, guardrail, ID-photo, witness and commentary meters plus the chat history's robot
 * answer share. Figures are cumulative; the dashboard turns successive snapshots into rates over time. Meters
 * another feature has not registered yet (e.g. batch commentary) read as zero.
 */
package org.finassist.server.ops;
