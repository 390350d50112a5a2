<#-- User prompt: 策略 note, market level only, never about individual stocks. -->
请写一段市场层面的策略观察，150至250字：从指数表现和市场宽度概括当日市场特征，提示波动风险。不得提及任何个股，不得给出任何仓位或操作建议。
<#include "facts.ftl">
