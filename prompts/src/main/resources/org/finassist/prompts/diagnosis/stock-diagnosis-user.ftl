<#-- User prompt of the stock-diagnosis route: facts, scores, rules, and on a retry the rejected sentences. -->
请为${name}（${symbol}）写一段约250字的技术面诊断解读，数据日期为${asOf}。

系统计算的数据（只能使用这些数字）：
<#list facts as f>
- ${f.label}：${f.display}
</#list>

系统评分（0至100分）：
<#list scores as s>
- ${s.label}：${s.score}分（${s.reasons}）
</#list>
- 综合评分：${overall}分，评级：${rating}

写作要求：
1. 开头说明数据日期${asOf}，结尾用“整体表现${rating}”概括，评级只能用这个表述；
2. 分别谈趋势、动能、波动与风险、量能、相对强弱，每个方面引用一到两个上面的数字；
3. 不要给操作建议，不要预测涨跌，不要输出免责声明或“AI生成”标识（系统会自动添加）。
<#if rejected?has_content>

你上一次的回答未通过数据核对或合规检查，以下句子有问题（数字与数据不符，或含有操作建议、收益承诺、绝对化用语）：
<#list rejected as s>
- ${s}
</#list>
请完整重写，不要再出现上述问题。
</#if>
