package org.finassist.content.market;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads {@code Symbol,Name} lists (e.g. index constituent CSVs) into a symbol → name map; bad rows are skipped. */
public final class SecurityNames {

    private SecurityNames() {
    }

    static Map<Symbol, String> readDirectory(Path dir) {
        Map<Symbol, String> names = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                readFile(file, names);
            }
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, "Cannot list " + dir, e);
        }
        return names;
    }

    /** One list, in file order. */
    public static Map<Symbol, String> read(Path file) {
        Map<Symbol, String> names = new java.util.LinkedHashMap<>();
        readFile(file, names);
        return names;
    }

    static void readFile(Path file, Map<Symbol, String> names) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, "Cannot read " + file, e);
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cols = line.replace("\uFEFF", "").split(",", -1);
            if (cols.length >= 2) {
                Optional<Symbol> symbol = Symbol.tryParse(cols[0]);
                symbol.ifPresent(s -> names.putIfAbsent(s, cols[1].replaceAll("\\s+", "")));
            }
        }
    }
}
