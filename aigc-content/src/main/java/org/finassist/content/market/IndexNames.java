package org.finassist.content.market;

import java.util.Map;

/** Names of the indices the diagnosis compares against; data files rarely carry them. */
public final class IndexNames {

    static final Map<String, String> NAMES = Map.of(
            "000001.SH", "上证指数",
            "000300.SH", "沪深300",
            "000688.SH", "科创50",
            "000905.SH", "中证500",
            "399001.SZ", "深证成指",
            "399005.SZ", "中小板指",
            "399006.SZ", "创业板指",
            "899050.BJ", "北证50");

    private IndexNames() {
    }

    /** The known indices, symbol → name. */
    public static Map<Symbol, String> all() {
        Map<Symbol, String> out = new java.util.LinkedHashMap<>();
        NAMES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(Symbol.parse(e.getKey()), e.getValue()));
        return out;
    }

    static String nameOr(Symbol symbol, String fallback) {
        return NAMES.getOrDefault(symbol.toString(), fallback);
    }
}
