<#-- Sent once after a sentence of the model's answer failed the customer-answer checks (see AnswerGate). -->
【系统合规提示】你刚才的回答中有一句未通过合规审核，未向客户展示：
「${sentence}」（原因：${rule}）
<#if shown?has_content>
客户已经看到的内容到此为止：
「${shown}」
请紧接着这段内容继续回答，不要重复已展示的内容。
<#else>
请重新回答客户的问题。
</#if>
要求：不得推荐买入、卖出或持有任何证券，不得承诺或暗示收益、保本，不得预测价格或涨跌，不得引用内幕或小道消息，不得催促客户操作；
所有数字只能来自提供的资料。做不到时，请说明无法提供该类建议，并建议客户咨询持牌投资顾问或点击“转人工”。
