<#-- The local grounded model's answer. It may say only what the grounding holds. -->
<#if directAnswer?has_content>
${directAnswer}
<#if passages?has_content>

（来源：${passages[0].source}<#if passages[0].heading?has_content> · ${passages[0].heading}</#if> [1]）
</#if>
<#elseif passages?has_content>
根据知识库中的资料，与您的问题最相关的内容如下：
<#list passages as p>

[${p?counter}] ${p.text}<#if p.source?has_content>（${p.source}<#if p.heading?has_content> · ${p.heading}</#if>）</#if>
</#list>

以上内容摘自知识库原文，由离线模型整理，未经大模型改写。如仍有疑问，可点击“转人工”。
<#elseif facts?has_content>
以下数据由系统根据行情计算得出：
<#list facts as name, value>
- ${name}：${value}
</#list>

以上仅为数据解读，不构成投资建议。
<#else>
<#switch route>
<#case "stock-diagnosis">
抱歉，暂时无法为您诊断这只股票：没有取得它的行情数据。请确认股票代码（如 600000），或稍后再试。
<#break>
<#case "account-opening">
抱歉，这个开户问题我暂时无法回答。您可以按页面上的步骤继续办理，或点击“转人工”联系开户客服。
<#break>
<#default>
抱歉，我暂时无法回答这个问题：当前没有可用的大模型，知识库中也没有找到相关资料。您可以换个问法，或点击“转人工”联系客服。
</#switch>
</#if>
