<#-- User prompt: 复盘 market overview from the indices and breadth. -->
请写一段当日市场复盘，200至300字：依次说明主要指数的涨跌和成交、市场宽度（上涨下跌家数、涨停跌停家数、炸板家数）以及指数异动（如有）。
<#include "facts.ftl">
