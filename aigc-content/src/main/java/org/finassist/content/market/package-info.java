/**
 * A-share market data: normalised symbols, boards, ST flags, price-limit rules and the {@link
 * org.finassist.content.market.MarketDataSource} seam with HQChart JSON, CSV and seeded synthetic implementations.
 */
package org.finassist.content.market;
