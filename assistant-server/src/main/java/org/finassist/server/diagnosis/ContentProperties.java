package org.finassist.server.diagnosis;

import org.finassist.content.indicator.StdDev;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code finassist.content.*}: where market data comes from and how diagnoses are made.
 *
 * @param marketSource    {@code synthetic} (default: a seeded demo universe generated at start-up, nothing real),
 *                        {@code hqchart} or {@code csv} (files in {@code marketDir})
 * @param marketDir       directory of real files for {@code hqchart} / {@code csv}
 * @param syntheticSeed   seed of the demo universe (default 20240919)
 * @param syntheticStocks stocks in the demo universe (default 5000)
 * @param syntheticDays   trading days of demo history (default 400)
 * @param syntheticEndDate last demo trading day (default 2024-09-19)
 * @param stSymbols       symbols to treat as ST whatever their names say
 * @param stLimitRatio    main-board ST price-limit ratio before 2025-07-07 (default 0.05); from that day main-board ST stocks move ±10% ({@code PriceLimitRules.MAIN_ST_TEN_PERCENT_FROM})
 * @param bollStdDev      BOLL standard deviation, POPULATION (default, as MyTT) or SAMPLE (as 通达信 STD)
 * @param modelNarrative  narrate through the stock-diagnosis route (default true); false = local template only
 */
@ConfigurationProperties("finassist.content")
public record ContentProperties(String marketSource, Path marketDir, Long syntheticSeed, Integer syntheticStocks,
                                Integer syntheticDays, LocalDate syntheticEndDate, List<String> stSymbols,
                                BigDecimal stLimitRatio, StdDev bollStdDev, Boolean modelNarrative) {

    public ContentProperties {
        marketSource = marketSource == null ? "synthetic" : marketSource.strip().toLowerCase(java.util.Locale.ROOT);
        syntheticSeed = syntheticSeed == null ? 20240919L : syntheticSeed;
        syntheticStocks = syntheticStocks == null ? 5000 : syntheticStocks;
        syntheticDays = syntheticDays == null ? 400 : syntheticDays;
        syntheticEndDate = syntheticEndDate == null ? LocalDate.of(2024, 9, 19) : syntheticEndDate;
        stSymbols = stSymbols == null ? List.of() : List.copyOf(stSymbols);
        stLimitRatio = stLimitRatio == null ? new BigDecimal("0.05") : stLimitRatio;
        bollStdDev = bollStdDev == null ? StdDev.POPULATION : bollStdDev;
        modelNarrative = modelNarrative == null || modelNarrative;
    }
}
