package org.finassist.content.anomaly;

import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;
import org.finassist.content.market.PriceLimit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Limit-up / limit-down: the close equals the day's computed limit price (to the cent). Opened limit (炸板): the
 * high reached the limit-up price but the close did not stay there.
 */
final class LimitDetector implements Detector {

    @Override
    public List<Anomaly> detect(StockDay day) {
        if (day.limit().isEmpty()) {
            return List.of();
        }
        PriceLimit limit = day.limit().get();
        var s = day.series();
        double close = s.close()[day.i()];
        double high = s.high()[day.i()];
        LocalDate d = day.date();
        if (limit.isLimitUp(close)) {
            return List.of(anomaly(day, AnomalyKind.LIMIT_UP, common(day, limit, d, "limitUp", "涨停价", limit.up())));
        }
        if (limit.isLimitDown(close)) {
            return List.of(anomaly(day, AnomalyKind.LIMIT_DOWN, common(day, limit, d, "limitDown", "跌停价", limit.down())));
        }
        if (limit.isLimitUp(high)) {
            List<Fact> f = common(day, limit, d, "limitUp", "涨停价", limit.up());
            f.add(FactFormat.fact("high", "最高价", high, FactUnit.CNY, 2, d));
            f.add(FactFormat.fact("fromLimit", "收盘较涨停价回落", (close / limit.up().doubleValue() - 1) * 100,
                    FactUnit.PERCENT, 2, d));
            return List.of(anomaly(day, AnomalyKind.OPENED_LIMIT_UP, f));
        }
        return List.of();
    }

    private static List<Fact> common(StockDay day, PriceLimit limit, LocalDate d, String key, String label,
                                     BigDecimal price) {
        List<Fact> f = new ArrayList<>();
        f.add(FactFormat.fact("close", "收盘价", day.series().close()[day.i()], FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("preClose", "昨收价", day.preClose(), FactUnit.CNY, 2, d));
        f.add(FactFormat.fact(key, label, price.doubleValue(), FactUnit.CNY, 2, d));
        f.add(FactFormat.fact("limitRatio", "涨跌幅限制", limit.ratio().doubleValue() * 100, FactUnit.PERCENT, 0, d));
        f.add(FactFormat.fact("change1d", "当日涨跌幅", day.changePercent(), FactUnit.PERCENT, 2, d));
        return f;
    }

    static Anomaly anomaly(StockDay day, AnomalyKind kind, List<Fact> facts) {
        return new Anomaly(day.series().security(), day.date(), kind, null, facts);
    }
}
