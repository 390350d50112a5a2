<#-- Shared block of the commentary user prompts: the facts an article may cite. -->
数据日期：${date}
<#if day?has_content>
${name}（${symbol}）当日行情：
<#list day as f>
- ${f.label}：${f.display}
</#list>
</#if>
<#if anomalies?has_content>
检测到的异动（每项附判定依据）：
<#list anomalies as a>
- ${a.label}<#if a.time?has_content>（${a.time}）</#if>：<#list a.facts as f>${f.label}${f.display}<#sep>，</#list>
</#list>
</#if>
<#if indices?has_content>
指数：
<#list indices as q>
- ${q.name}：<#list q.facts as f>${f.label}${f.display}<#sep>，</#list>
</#list>
</#if>
<#if breadth?has_content>
市场宽度：<#list breadth as f>${f.label}${f.display}<#sep>，</#list>
</#if>
<#if news?has_content>
可能相关的新闻摘要（只可作为“可能的因素”引用，不得引用其中的数字）：
<#list news as n>
- ${n}
</#list>
</#if>
<#if rejected?has_content>

你上一次的回答未通过数据核对或合规检查，以下句子有问题（数字与数据不符，或含有操作建议、收益承诺、绝对化用语）：
<#list rejected as s>
- ${s}
</#list>
请完整重写，不要再出现上述问题。
</#if>
