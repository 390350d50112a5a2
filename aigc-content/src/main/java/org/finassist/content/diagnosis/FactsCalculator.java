package org.finassist.content.diagnosis;

import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;

import org.finassist.content.indicator.Boll;
import org.finassist.content.indicator.Indicators;
import org.finassist.content.indicator.Kdj;
import org.finassist.content.indicator.Macd;
import org.finassist.content.indicator.StdDev;
import org.finassist.content.market.BarSeries;
import org.finassist.content.market.PriceLimit;
import org.finassist.content.market.PriceLimitRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes the facts of a diagnosis from a stock's bars and its benchmark index. Windows: MA 5/10/20/60,
 * MACD(12,26,9), KDJ(9,3,3), RSI 6/12/24, BOLL(20,2), ATR(14), volatility over 20/60 returns, drawdown and
 * 52-week range over the last 250 bars, limit counts over the last 60.
 */
final class FactsCalculator {

    static final int MIN_BARS = 61;
    static final List<Integer> PARAMETERS = List.of(5, 10, 20, 60, 12, 26, 9, 3, 6, 24, 14, 52, 250);
    private static final int YEAR = 250;
    private static final int LIMIT_WINDOW = 60;

    private final PriceLimitRules rules;
    private final StdDev bollStdDev;

    FactsCalculator(PriceLimitRules rules, StdDev bollStdDev) {
        this.rules = rules;
        this.bollStdDev = bollStdDev;
    }

    DiagnosisFacts compute(BarSeries s, Optional<BarSeries> benchmark) {
        int i = s.size() - 1;
        LocalDate d = s.lastDate();
        double[] c = s.close();
        List<Fact> f = new ArrayList<>();
        f.add(FactFormat.fact("close", "收盘价", c[i], FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("change1d", "当日涨跌幅", (c[i] / s.preClose(i) - 1) * 100, FactUnit.PERCENT, 2, d));
        for (int n : new int[] {5, 20, 60}) {
            f.add(FactFormat.fact("change" + n + "d", "近" + n + "日涨跌幅", Indicators.changePercent(c, i, n), FactUnit.PERCENT, 2, d));
        }
        for (int n : new int[] {5, 10, 20, 60}) {
            f.add(FactFormat.fact("ma" + n, n + "日均线", Indicators.ma(c, n)[i], FactUnit.CNY, 2, d));
        }
        f.add(FactFormat.fact("ma20Prev5", "5日前的20日均线", Indicators.ma(c, 20)[i - 5], FactUnit.CNY, 2, s.date(i - 5)));
        addOscillators(f, s, i, d);
        addVolume(f, s, i, d);
        addRisk(f, s, i, d);
        addLimits(f, s, i, d);
        benchmark.ifPresent(b -> addRelative(f, s, b, i, d));
        return new DiagnosisFacts(s.security(), benchmark.map(BarSeries::security).orElse(null), d, f, PARAMETERS);
    }

    private void addOscillators(List<Fact> f, BarSeries s, int i, LocalDate d) {
        double[] c = s.close();
        Macd macd = Indicators.macd(c, 12, 26, 9);
        f.add(FactFormat.fact("macdDif", "MACD DIF", macd.dif()[i], FactUnit.NONE, 3, d));
        f.add(FactFormat.fact("macdDea", "MACD DEA", macd.dea()[i], FactUnit.NONE, 3, d));
        f.add(FactFormat.fact("macdBar", "MACD柱", macd.bar()[i], FactUnit.NONE, 3, d));
        f.add(FactFormat.fact("macdBarPrev", "前一日MACD柱", macd.bar()[i - 1], FactUnit.NONE, 3, s.date(i - 1)));
        Kdj kdj = Indicators.kdj(c, s.high(), s.low(), 9, 3, 3);
        f.add(FactFormat.fact("kdjK", "KDJ K值", kdj.k()[i], FactUnit.NONE, 2, d));
        f.add(FactFormat.fact("kdjD", "KDJ D值", kdj.d()[i], FactUnit.NONE, 2, d));
        f.add(FactFormat.fact("kdjJ", "KDJ J值", kdj.j()[i], FactUnit.NONE, 2, d));
        for (int n : new int[] {6, 12, 24}) {
            f.add(FactFormat.fact("rsi" + n, "RSI" + n, Indicators.rsi(c, n)[i], FactUnit.NONE, 2, d));
        }
        Boll boll = Indicators.boll(c, 20, 2, bollStdDev);
        f.add(FactFormat.fact("bollUpper", "布林上轨", boll.upper()[i], FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("bollMid", "布林中轨", boll.mid()[i], FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("bollLower", "布林下轨", boll.lower()[i], FactUnit.CNY, 2, d));
    }

    private static void addVolume(List<Fact> f, BarSeries s, int i, LocalDate d) {
        f.add(FactFormat.large("volume", "成交量", s.volume()[i], FactUnit.SHARES, d));
        f.add(FactFormat.large("amount", "成交额", s.amount()[i], FactUnit.CNY, d));
        double ratio = Indicators.volumeRatio(s.volume(), i, 5);
        if (!Double.isNaN(ratio)) {
            f.add(FactFormat.fact("volumeRatio", "量比", ratio, FactUnit.TIMES, 2, d));
        }
        Long shares = s.security().floatShares();
        if (shares != null && shares > 0) {
            f.add(FactFormat.fact("turnover", "换手率", s.volume()[i] / shares * 100, FactUnit.PERCENT, 2, d));
        }
    }

    private static void addRisk(List<Fact> f, BarSeries s, int i, LocalDate d) {
        double[] c = s.close();
        f.add(FactFormat.fact("atr14", "14日平均真实波幅", Indicators.atr(s.high(), s.low(), c, 14)[i], FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("volatility20", "20日年化波动率", Indicators.volatility(c, 20)[i], FactUnit.PERCENT, 2, d));
        f.add(FactFormat.fact("volatility60", "60日年化波动率", Indicators.volatility(c, 60)[i], FactUnit.PERCENT, 2, d));
        int from = Math.max(0, i - YEAR + 1);
        f.add(FactFormat.fact("maxDrawdown", "近250日最大回撤", Indicators.maxDrawdown(c, from, i), FactUnit.PERCENT, 2, d));
        double high = Indicators.hhv(s.high(), YEAR)[i];
        double low = Indicators.llv(s.low(), YEAR)[i];
        f.add(FactFormat.fact("high52w", "52周最高价", high, FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("low52w", "52周最低价", low, FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("fromHigh52w", "距52周最高价", (c[i] / high - 1) * 100, FactUnit.PERCENT, 2, d));
        f.add(FactFormat.fact("fromLow52w", "距52周最低价", (c[i] / low - 1) * 100, FactUnit.PERCENT, 2, d));
    }

    private void addLimits(List<Fact> f, BarSeries s, int i, LocalDate d) {
        int ups = 0;
        int downs = 0;
        for (int k = Math.max(1, i - LIMIT_WINDOW + 1); k <= i; k++) {
            Optional<PriceLimit> limit = rules.limit(s.security(), s.date(k), PriceLimitRules.dayOfListing(s, k), s.preClose(k));
            if (limit.isPresent()) {
                ups += limit.get().isLimitUp(s.close()[k]) ? 1 : 0;
                downs += limit.get().isLimitDown(s.close()[k]) ? 1 : 0;
            }
        }
        f.add(FactFormat.fact("limitUps60", "近60日涨停次数", ups, FactUnit.COUNT, 0, d));
        f.add(FactFormat.fact("limitDowns60", "近60日跌停次数", downs, FactUnit.COUNT, 0, d));
    }

    private static void addRelative(List<Fact> f, BarSeries s, BarSeries b, int i, LocalDate d) {
        for (int n : new int[] {20, 60}) {
            int end = b.indexOnOrBefore(d);
            int start = b.indexOnOrBefore(s.date(i - n));
            if (end < 0 || start < 0 || end == start) {
                continue;
            }
            double idx = (b.close()[end] / b.close()[start] - 1) * 100;
            double stock = Indicators.changePercent(s.close(), i, n);
            f.add(FactFormat.fact("index" + n + "d", b.security().name() + "近" + n + "日涨跌幅", idx, FactUnit.PERCENT, 2, d));
            f.add(FactFormat.fact("excess" + n + "d", "近" + n + "日相对" + b.security().name(), stock - idx,
                    FactUnit.PERCENT_POINT, 2, d));
        }
    }
}
