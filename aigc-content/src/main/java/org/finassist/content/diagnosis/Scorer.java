package org.finassist.content.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns facts into dimension scores with simple, explainable rules: each rule moves a 50-point start up or down
 * and adds an observation. Thresholds are conventional chart-reading ones (RSI 30/70, MA alignment), not fitted.
 */
final class Scorer {

    Scores score(DiagnosisFacts f) {
        List<DimensionScore> dims = List.of(trend(f), momentum(f), risk(f), liquidity(f), relative(f));
        double overall = dims.stream().mapToDouble(d -> d.score() * d.dimension().weight()).sum();
        int rounded = (int) Math.round(overall);
        return new Scores(dims, rounded, Rating.of(rounded));
    }

    private static DimensionScore trend(DiagnosisFacts f) {
        Tally t = new Tally();
        double close = f.value("close");
        t.add(close > f.value("ma20"), 10, "收盘价位于20日均线上方", "收盘价位于20日均线下方");
        t.add(close > f.value("ma60"), 10, "收盘价位于60日均线上方", "收盘价位于60日均线下方");
        double ma5 = f.value("ma5");
        double ma10 = f.value("ma10");
        double ma20 = f.value("ma20");
        if (ma5 > ma10 && ma10 > ma20) {
            t.plus(10, "短中期均线呈多头排列");
        } else if (ma5 < ma10 && ma10 < ma20) {
            t.plus(-10, "短中期均线呈空头排列");
        }
        t.add(ma20 > f.value("ma20Prev5"), 10, "20日均线方向向上", "20日均线方向向下或走平");
        return t.result(Dimension.TREND);
    }

    private static DimensionScore momentum(DiagnosisFacts f) {
        Tally t = new Tally();
        t.add(f.value("macdDif") > f.value("macdDea"), 10, "MACD的DIF位于DEA上方", "MACD的DIF位于DEA下方");
        t.add(f.value("macdDif") > 0, 5, "DIF处于零轴上方", "DIF处于零轴下方");
        if (f.value("macdBar") > f.value("macdBarPrev")) {
            t.plus(5, "MACD柱较前一日增强");
        }
        double rsi = f.value("rsi12");
        if (rsi >= 70) {
            t.plus(-5, "RSI处于超买区间，短线波动可能加大");
        } else if (rsi >= 50) {
            t.plus(10, "RSI处于强势区间");
        } else if (rsi >= 30) {
            t.plus(-10, "RSI处于弱势区间");
        } else {
            t.plus(0, "RSI处于超卖区间");
        }
        t.add(f.value("kdjK") > f.value("kdjD"), 5, "KDJ的K值在D值上方", "KDJ的K值在D值下方");
        t.add(f.value("change20d") > 0, 5, "近20日累计上涨", "近20日累计下跌");
        return t.result(Dimension.MOMENTUM);
    }

    private static DimensionScore risk(DiagnosisFacts f) {
        Tally t = new Tally();
        double vol = f.value("volatility20");
        int base = vol < 20 ? 30 : vol < 30 ? 15 : vol < 45 ? 0 : vol < 60 ? -15 : -30;
        t.plus(base, vol < 30 ? "近期波动较小" : vol < 45 ? "近期波动处于常见水平" : "近期波动较大");
        double dd = f.value("maxDrawdown");
        if (dd > 40) {
            t.plus(-15, "近一年最大回撤较深");
        } else if (dd > 25) {
            t.plus(-5, "近一年曾出现较明显回撤");
        }
        if (f.value("limitDowns60") > 0) {
            t.plus(-10, "近60日出现过跌停");
        }
        if (f.security().st()) {
            t.plus(-20, "该股为ST股票，存在退市等特别风险");
        }
        return t.result(Dimension.RISK);
    }

    private static DimensionScore liquidity(DiagnosisFacts f) {
        Tally t = new Tally();
        t.plus(10, "");
        f.find("volumeRatio").ifPresent(r -> {
            double v = r.value().doubleValue();
            if (v > 2) {
                t.plus(10, "成交明显放量");
            } else if (v < 0.6) {
                t.plus(-10, "成交明显缩量");
            } else {
                t.plus(0, "成交量与近期均量相当");
            }
        });
        double amount = f.value("amount");
        if (amount >= 1e8) {
            t.plus(10, "成交额较大，流动性较好");
        } else if (amount < 1e7) {
            t.plus(-20, "成交额偏小，流动性较弱");
        } else {
            t.plus(0, "成交额处于中等水平");
        }
        f.find("turnover").filter(x -> x.value().doubleValue() > 15).ifPresent(x -> t.plus(-10, "换手率偏高，筹码交换活跃"));
        return t.result(Dimension.LIQUIDITY);
    }

    private static DimensionScore relative(DiagnosisFacts f) {
        Tally t = new Tally();
        if (f.find("excess20d").isEmpty()) {
            t.plus(0, "缺少基准指数数据，未比较相对强弱");
            return t.result(Dimension.RELATIVE_STRENGTH);
        }
        double e20 = f.value("excess20d");
        t.plus((int) Math.round(Math.max(-30, Math.min(30, e20 * 2))), e20 >= 0 ? "近20日表现强于基准指数" : "近20日表现弱于基准指数");
        f.find("excess60d").ifPresent(x -> {
            double e60 = x.value().doubleValue();
            t.plus((int) Math.round(Math.max(-20, Math.min(20, e60))), e60 >= 0 ? "近60日表现强于基准指数" : "近60日表现弱于基准指数");
        });
        return t.result(Dimension.RELATIVE_STRENGTH);
    }

    /** A 50-point start moved by rules, clamped to 0..100, with its observations. */
    private static final class Tally {
        private int score = 50;
        private final List<String> reasons = new ArrayList<>();

        void plus(int points, String reason) {
            score += points;
            if (!reason.isEmpty()) {
                reasons.add(reason);
            }
        }

        void add(boolean condition, int points, String ifTrue, String ifFalse) {
            plus(condition ? points : -points, condition ? ifTrue : ifFalse);
        }

        DimensionScore result(Dimension dimension) {
            return new DimensionScore(dimension, Math.max(0, Math.min(100, score)), reasons);
        }
    }
}
