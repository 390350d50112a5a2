package org.finassist.content.anomaly;

import org.finassist.content.facts.Fact;
import org.finassist.content.facts.FactFormat;
import org.finassist.content.facts.FactUnit;

import java.time.LocalDate;
import java.util.List;

/**
 * Market breadth over the stocks scanned that traded on {@code date}.
 *
 * @param openedLimitUps stocks that touched the limit-up price and closed below it (炸板)
 */
public record Breadth(LocalDate date, int traded, int advancers, int decliners, int unchanged, int limitUps,
                      int limitDowns, int openedLimitUps) {

    public List<Fact> facts() {
        return List.of(count("traded", "交易股票数", traded), count("advancers", "上涨家数", advancers),
                count("decliners", "下跌家数", decliners), count("unchanged", "平盘家数", unchanged),
                count("limitUps", "涨停家数", limitUps), count("limitDowns", "跌停家数", limitDowns),
                count("openedLimitUps", "炸板家数", openedLimitUps));
    }

    private Fact count(String key, String label, int n) {
        return FactFormat.fact(key, label, n, FactUnit.NONE, 0, date);
    }
}
