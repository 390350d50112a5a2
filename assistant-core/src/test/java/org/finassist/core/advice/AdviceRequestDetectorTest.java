package org.finassist.core.advice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AdviceRequestDetectorTest {

    private final AdviceRequestDetector detector = new AdviceRequestDetector();

    @ParameterizedTest
    @ValueSource(strings = {"茅台明天能涨到2000吗", "下周大盘会不会暴跌 给个准话", "帮我预测下上证指数年底多少点",
            "宁德时代后面还会跌吗", "那明天它会涨吗", "我这票被套了 什么时候能回本", "节后行情怎么走", "中石油还能涨吗",
            "明年a股能不能到4000点", "你猜猜招行下个月是涨是跌"})
    void aForecastIsRecognised(String message) {
        assertThat(detector.detect(message)).contains(AdviceRequest.FORECAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"明天哪只股票会涨停 给我说一个", "给我推荐三只必涨的票", "有没有内幕消息", "推荐几个能翻倍的牛股",
            "哪个票明天会涨 告诉我"})
    void aPickIsRecognised(String message) {
        assertThat(detector.detect(message)).contains(AdviceRequest.PICK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ST股票明天涨跌幅限制是多少", "明天几点开盘", "茅台今年涨了多少", "茅台最近咋样",
            "融资买入以后跌了怎么办", "跌破平仓线会怎样", "今天哪个板块涨得最好", "今天大盘怎么样", "明天能卖吗 T+1吗",
            "下周一能交易吗", "贵州茅台的盈利预测是多少", "涨停价怎么算", "你们能推荐股票吗", "后天转账能到吗",
            "科创板明天开盘时间"})
    void questionsAboutRulesAndPastDataAreNotAdviceRequests(String message) {
        assertThat(detector.detect(message)).isEmpty();
    }
}
