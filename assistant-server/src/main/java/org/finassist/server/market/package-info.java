/**
 * Market data wiring shared by diagnosis, commentary and the chat's market answers: the securities master, the
 * market data source ({@code finassist.content.*}, {@code finassist.tushare.*}), the disclosure every generated text
 * carries, and the {@code finassist.guardrail.rejections} meter of generated content.
 */
package org.finassist.server.market;
