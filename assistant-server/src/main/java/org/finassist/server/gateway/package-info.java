/**
 * The OpenAI-compatible gateway ({@code /v1/chat/completions}, {@code /v1/models}) as client libraries expect it:
 * OpenAI's error shape, the role in the first streamed delta, {@code : ping} comments while candidates are tried,
 * an {@code error} event and an end without {@code [DONE]} after a mid-stream failure, cancellation of the upstream call when the
 * client leaves (streamed or not), and a 503 {@code all_providers_failed} instead of local prose for callers that
 * pinned a model, require tools or a JSON schema. A response filter fits at the two places answers leave:
 * {@code GatewayController} (whole answers) and {@code GatewayStream} (deltas). Virtual keys' policies (issue 19)
 * enter through {@code KeyHook} only: one check before routing, one record after the answer.
 */
package org.finassist.server.gateway;
