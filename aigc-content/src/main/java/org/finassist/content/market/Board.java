package org.finassist.content.market;

/** Listing board, which decides the price-limit ratio; indices have no limit. */
public enum Board {
    MAIN("主板"),
    CHINEXT("创业板"),
    STAR("科创板"),
    BSE("北交所"),
    INDEX("指数");

    private final String label;

    Board(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Board of a symbol by its code prefix. */
    public static Board of(Symbol symbol) {
        String c = symbol.code();
        return switch (symbol.exchange()) {
            case SH -> c.startsWith("000") ? INDEX : c.startsWith("688") || c.startsWith("689") ? STAR : MAIN;
            case SZ -> c.startsWith("399") ? INDEX : c.startsWith("300") || c.startsWith("301") ? CHINEXT : MAIN;
            case BJ -> c.startsWith("899") ? INDEX : BSE;
        };
    }
}
