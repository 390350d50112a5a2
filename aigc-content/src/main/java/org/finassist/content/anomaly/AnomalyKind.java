package org.finassist.content.anomaly;

/** What kind of unusual move a stock or index made, with the Chinese label content operations use. */
public enum AnomalyKind {
    LIMIT_UP("涨停", "limitUp"),
    LIMIT_DOWN("跌停", "limitDown"),
    OPENED_LIMIT_UP("炸板", "fromLimit"),
    GAP_UP("跳空高开缺口", "gap"),
    GAP_DOWN("跳空低开缺口", "gap"),
    VOLUME_SURGE("放量", "volumeRatio"),
    BREAKOUT_HIGH("创阶段新高", "priorHigh"),
    BREAKDOWN_LOW("创阶段新低", "priorLow"),
    FAST_RISE("快速拉升", "fastChange"),
    FAST_DROP("快速下跌", "fastChange"),
    INDEX_MOVE("指数大幅波动", "change1d");

    private final String label;
    private final String headline;

    AnomalyKind(String label, String headline) {
        this.label = label;
        this.headline = headline;
    }

    /** The key of the one fact that states the anomaly best, for short texts such as video captions. */
    public String headline() {
        return headline;
    }

    public String label() {
        return label;
    }
}
