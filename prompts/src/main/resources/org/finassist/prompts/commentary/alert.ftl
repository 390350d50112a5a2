<#-- User prompt: 盯盘 alert for one stock, short. -->
请为${name}（${symbol}）写一条盯盘异动提示，80至150字：先说明数据日期和异动类型，再引用判定依据中的一到三个数字。
<#include "facts.ftl">
