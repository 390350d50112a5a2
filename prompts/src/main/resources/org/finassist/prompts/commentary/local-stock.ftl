<#-- Local template of the stock articles (alert, recap, video): the same facts, no model. -->
<#if kind == "alert">
${name}（${symbol}）${date}盯盘：<#if anomalies?has_content><#list anomalies as a>出现${a.label}<#if a.time?has_content>（${a.time}）</#if>，<#list a.facts as f>${f.label}${f.display}<#sep>，</#list><#sep>；</#list>。<#else>当日未检测到异动，收盘价${close}，当日涨跌幅${change}。</#if>
<#elseif kind == "video">
各位投资者好，这里是${date}的个股速览。${name}（${symbol}）当日收盘价${close}，涨跌幅${change}。开盘价${open}，最高价${high}，最低价${low}。成交额${amount}，振幅${amplitude}。<#list indices as q>同日${q.name}<#list q.facts[0..*2] as f>${f.label}${f.display}<#sep>，</#list>。</#list><#list anomalies[0..*3] as a>盘面出现${a.label}，${a.headline.label}${a.headline.display}。</#list>以上数据仅为行情回顾，投资有风险，入市需谨慎。
<#else>
${name}（${symbol}）${date}复盘：当日开盘价${open}，最高价${high}，最低价${low}，收盘价${close}，涨跌幅${change}，振幅${amplitude}；成交量${volume}，成交额${amount}。<#if anomalies?has_content>当日异动：<#list anomalies as a>${a.label}<#if a.time?has_content>（${a.time}）</#if>，<#list a.facts as f>${f.label}${f.display}<#sep>，</#list><#sep>；</#list>。</#if><#list indices as q>同日${q.name}<#list q.facts as f>${f.label}${f.display}<#sep>，</#list>。</#list>
</#if>
