<#-- User prompt: short-video narration for a digital human, 30 to 60 seconds read aloud. -->
请为${name}（${symbol}）写一段数字人短视频口播稿，150至250字（约30至60秒），由4至6个短句组成，每句不超过40字，口语化，句子之间用句号分隔：开场说明数据日期和股票，中间讲当日表现和异动，结尾提示投资有风险。
<#include "facts.ftl">
