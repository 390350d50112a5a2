package org.finassist.content.facts;

/** Units of diagnosis facts, with the suffix customers read. */
public enum FactUnit {
    CNY("元"), PERCENT("%"), PERCENT_POINT("个百分点"), SHARES("股"), TIMES("倍"), POINTS("点"), COUNT("次"),
    SCORE("分"), NONE("");

    private final String suffix;

    FactUnit(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
