/**
 * Stock diagnosis over HTTP ({@code GET /api/diagnosis/{symbol}}) and as the grounding of the chat's
 * stock-diagnosis scenario; wiring of the market data source from {@code finassist.content.*}.
 */
package org.finassist.server.diagnosis;
