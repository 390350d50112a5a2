package org.finassist.content.commentary;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of article a batch writes. {@link #perStock()} types are written per stock, the others once per day. */
public enum ArticleType {
    ALERT("alert", "盯盘", true),
    RECAP("recap", "复盘", true),
    MARKET("market", "市场复盘", false),
    STRATEGY("strategy", "策略", false),
    VIDEO("video", "短视频脚本", true);

    private final String id;
    private final String label;
    private final boolean perStock;

    ArticleType(String id, String label, boolean perStock) {
        this.id = id;
        this.label = label;
        this.perStock = perStock;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean perStock() {
        return perStock;
    }

    /** Parses {@code alert}, {@code recap}, … (case-insensitive); the message lists the valid ids. */
    public static ArticleType of(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(s)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Unknown article type '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(ArticleType::id).toList()));
    }
}
