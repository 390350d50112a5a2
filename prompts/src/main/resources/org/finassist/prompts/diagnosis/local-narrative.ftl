<#-- The local template narrative: the same facts, no model. Every figure is a pre-formatted fact display. -->
<#if name != symbol>${name}（${symbol}）<#else>${symbol}</#if>数据日期${asOf}：收盘价${close}，当日${move1d}；近5日${move5d}，近20日${move20d}，近60日${move60d}。
【趋势】${trendReasons}。5日、10日、20日、60日均线分别为${ma5}、${ma10}、${ma20}、${ma60}。
【动能】${momentumReasons}。MACD的DIF为${macdDif}、DEA为${macdDea}、MACD柱为${macdBar}；RSI6、RSI12、RSI24分别为${rsi6}、${rsi12}、${rsi24}；KDJ的K、D、J值分别为${kdjK}、${kdjD}、${kdjJ}。
【波动与风险】${riskReasons}。20日年化波动率${volatility20}，60日年化波动率${volatility60}，近250日最大回撤${maxDrawdown}；52周最高价${high52w}、最低价${low52w}，当前价较52周最高价${fromHigh52w}、较52周最低价${fromLow52w}。
【量能】${liquidityReasons}。成交量${volume}，成交额${amount}<#if volumeRatio?has_content>，量比${volumeRatio}</#if><#if turnover?has_content>，换手率${turnover}</#if>；近60日涨停${limitUps60}、跌停${limitDowns60}。
【相对强弱】${relativeReasons}<#if benchmarkName?has_content>。同期${benchmarkName}近20日${index20d}，个股相对${excess20d}<#if excess60d?has_content>；近60日相对${excess60d}</#if></#if>。
综合各项，技术面综合评分${overall}分，整体表现${rating}。
