package org.finassist.content.market;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@code securities.csv}: {@code symbol,name,listDate,floatShares,st}. */
final class CsvSecurities {

    static final String HEADER = "symbol,name,listDate,floatShares,st";

    private CsvSecurities() {
    }

    static Map<Symbol, SecurityInfo> read(Path file) {
        Map<Symbol, SecurityInfo> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, "Cannot read " + file, e);
        }
        Map<String, Integer> cols = new HashMap<>();
        String[] names = lines.isEmpty() ? new String[0] : lines.getFirst().replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            cols.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        if (!cols.containsKey("symbol")) {
            throw HqChartMarketDataSource.malformed(file, "header lacks column 'symbol'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            int lineNo = i + 1;
            Symbol symbol = Symbol.tryParse(get(f, cols, "symbol")).orElseThrow(() ->
                    HqChartMarketDataSource.malformed(file, "line " + lineNo + " has a bad symbol"));
            String name = get(f, cols, "name");
            String list = get(f, cols, "listdate");
            String shares = get(f, cols, "floatshares");
            String st = get(f, cols, "st");
            boolean isSt = st.isEmpty() ? SecurityInfo.isStName(name) : Boolean.parseBoolean(st);
            out.put(symbol, new SecurityInfo(symbol, name, symbol.board(), isSt,
                    list.isEmpty() ? null : CsvHeader.date(list, file, lineNo),
                    shares.isEmpty() ? null : Long.valueOf(shares)));
        }
        return out;
    }

    static String line(SecurityInfo s) {
        return s.symbol() + "," + s.name() + "," + (s.listDate() == null ? "" : s.listDate()) + ","
                + (s.floatShares() == null ? "" : s.floatShares()) + "," + s.st();
    }

    private static String get(String[] f, Map<String, Integer> cols, String name) {
        Integer idx = cols.get(name);
        return idx == null || idx >= f.length ? "" : f[idx].strip();
    }

}
