<#-- The local grounded model's answer. It may say only what the grounding holds: one answer, or an honest decline. -->
<#if directAnswer?has_content>
${directAnswer}
<#if passages?has_content && passages[0].source?has_content>

（来源：${passages[0].source}<#if passages[0].heading?has_content> · ${passages[0].heading}</#if> [1]）
</#if>
<#elseif facts?has_content>
以下数据由系统根据行情计算得出：
<#list facts as name, value>
- ${name}：${value}
</#list>

以上仅为数据解读，不构成投资建议。
<#elseif picks?has_content>
<#list picks as picked>
${picked.answer}

（来源：${picked.source}<#if picked.heading?has_content> · ${picked.heading}</#if> [${picked.number}]）
<#sep>

</#sep>
</#list>
<#elseif greeting && (thanks!false)>
不客气，很高兴能帮到您！还有问题随时问我；需要人工服务时可点击“转人工”。
<#elseif greeting>
您好！我是本券商的智能客服助手，可以为您解答开户、交易规则、交易费用、银证转账、权限开通、融资融券、基金理财等问题，也可以查看最新行情和个股数据解读。有问题随时问我；需要人工服务时可点击“转人工”。
<#else>
<#switch route>
<#case "stock-diagnosis">
抱歉，暂时无法为您诊断这只股票：没有取得它的行情数据。请确认股票代码（如 600000），或稍后再试。
<#break>
<#case "commentary">
抱歉，暂时没有可用的最新行情数据或市场复盘，无法回答今天的市场情况。您可以稍后再试，或点击“转人工”联系客服。
<#break>
<#case "account-opening">
抱歉，这个开户问题我暂时无法准确回答，不想给您不准确的信息。您可以按页面上的步骤继续办理，或点击“转人工”联系开户客服。
<#break>
<#default>
抱歉，这个问题我暂时无法准确回答：知识库里没有找到能直接回答它的内容，我不想给您不准确的信息。您可以换个说法再问，或点击“转人工”由人工客服为您解答。
</#switch>
</#if>
