package org.finassist.content.market;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a source's securities and daily bars in the format {@link CsvMarketDataSource} reads. */
public final class CsvMarketWriter {

    private CsvMarketWriter() {
    }

    /** Writes every security of {@code source} into {@code dir} (created if needed); returns the file count. */
    public static int write(MarketDataSource source, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> securities = new ArrayList<>();
            securities.add(CsvSecurities.HEADER);
            int files = 0;
            for (SecurityInfo s : source.securities()) {
                securities.add(CsvSecurities.line(s));
                writeBars(source.dailyBars(s.symbol()), dir.resolve(s.symbol() + ".csv"));
                files++;
            }
            Files.write(dir.resolve(CsvMarketDataSource.SECURITIES_FILE), securities, StandardCharsets.UTF_8);
            return files + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write market CSV into " + dir, e);
        }
    }

    private static void writeBars(BarSeries series, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("date,open,high,low,close,volume,amount,preClose\n");
            for (Bar b : series.bars()) {
                w.write(b.date() + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + ","
                        + b.volume() + "," + b.amount() + "," + (Double.isNaN(b.preClose()) ? "" : b.preClose()) + "\n");
            }
        }
    }
}
