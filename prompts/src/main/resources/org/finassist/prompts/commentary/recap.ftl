<#-- User prompt: 复盘 recap of one stock's day. -->
请为${name}（${symbol}）写一段个股复盘，150至250字：依次说明当日价格表现、成交情况、异动（如有）以及所在市场指数的表现。
<#include "facts.ftl">
