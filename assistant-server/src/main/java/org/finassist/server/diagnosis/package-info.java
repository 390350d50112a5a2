/**
 * Stock diagnosis over HTTP ({@code GET /api/diagnosis/{symbol}}) and as the grounding of the chat's
 * stock-diagnosis scenario; the market data it reads is wired in {@code server/market}.
 */
package org.finassist.server.diagnosis;
