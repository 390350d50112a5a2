package org.finassist.content.anomaly;

/** What kind of unusual move a stock or index made, with the Chinese label content operations use. */
public enum AnomalyKind {
    LIMIT_UP("涨停"),
    LIMIT_DOWN("跌停"),
    OPENED_LIMIT_UP("炸板"),
    GAP_UP("跳空高开缺口"),
    GAP_DOWN("跳空低开缺口"),
    VOLUME_SURGE("放量"),
    BREAKOUT_HIGH("创阶段新高"),
    BREAKDOWN_LOW("创阶段新低"),
    FAST_RISE("快速拉升"),
    FAST_DROP("快速下跌"),
    INDEX_MOVE("指数大幅波动");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
