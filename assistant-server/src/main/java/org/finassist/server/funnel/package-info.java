/**
 * The account-opening funnel (issue 22): what the opening guide and its checks emit ({@link
 * org.finassist.server.funnel.FunnelRecorder}, {@link org.finassist.server.funnel.FunnelEvent}), stored in the
 * database by every node, and what the command-centre screen ({@code /ops/funnel.html}, {@code GET
 * /api/ops/funnel}) reads back: per-step conversion and drop-out, drop-out reasons, median time per step, opening
 * rate, leads by channel, today against the last seven days, and the guidance experiment's two arms. Also the
 * CSV export, the daily report and the traffic simulator, whose rows are marked simulated and never mixed with
 * real ones on the screen. Figures are aggregated in SQL, never in a node's memory, so any node answers alike.
 */
package org.finassist.server.funnel;
