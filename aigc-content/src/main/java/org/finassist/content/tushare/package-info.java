/**
 * Production market data from Tushare Pro's HTTP API (a token from the operator's Tushare account):
 * {@link org.finassist.content.tushare.TushareMarketDataSource} (stock_basic, trade_cal, daily, adj_factor behind
 * {@link org.finassist.content.market.MarketDataSource}) and {@link org.finassist.content.tushare.TushareMasterLoader}
 * (stock_basic + namechange → a securities master). Calls are rate limited and cached; errors name their cause
 * (bad token, rate limit, holiday) without the token.
 */
package org.finassist.content.tushare;
