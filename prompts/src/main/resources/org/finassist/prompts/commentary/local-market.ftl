<#-- Local template of the market-level articles (market recap, strategy): indices and breadth, no model. -->
<#if kind == "strategy">
${date}市场观察：<#list indices as q>${q.name}<#list q.facts as f>${f.label}${f.display}<#sep>，</#list><#sep>；</#list>。市场宽度方面，<#list breadth as f>${f.label}${f.display}<#sep>，</#list>。<#if anomalies?has_content>指数层面波动较大，</#if>请留意市场短期波动风险，理性看待涨跌。
<#else>
${date}市场复盘：<#list indices as q>${q.name}<#list q.facts as f>${f.label}${f.display}<#sep>，</#list><#sep>；</#list>。<#list breadth as f>${f.label}${f.display}<#sep>，</#list>。<#if anomalies?has_content>指数异动：<#list anomalies as a>${a.subject}${a.label}<#sep>、</#list>。</#if>
</#if>
