package org.finassist.server.market;

import org.finassist.content.indicator.StdDev;
import org.finassist.content.market.PriceLimitRules;
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
 * @param syntheticStocks stocks in the demo universe with {@code synthetic-names: invented} (default 5000)
 * @param syntheticNames  {@code master} (default: every stock of the securities master, real codes and names,
 *                        simulated prices) or {@code invented} (made-up names, for benchmarks of any size)
 * @param syntheticDays   trading days of demo history (default 400)
 * @param syntheticEndDate last demo trading day (default 2024-09-19)
 * @param stSymbols       symbols to treat as ST whatever their names say
 * @param stLimitRatio    main-board ST price-limit ratio before {@code stAlignedFrom} (default 0.05)
 * @param stAlignedFrom   first day main-board ST stocks trade at ±10% like the rest of the main board (default
 *                        2025-07-07, the SSE/SZSE notice's effective date)
 * @param stAlignedSource the notice that date comes from (logged at start-up, shown in docs)
 * @param masterFile      securities master CSV ({@code docs/securities-master.md}); default: the one shipped in
 *                        the jar (built from public index-constituent lists)
 * @param bollStdDev      BOLL standard deviation, POPULATION (default, as MyTT) or SAMPLE (as 通达信 STD)
 * @param modelNarrative  narrate through the stock-diagnosis route (default true); false = local template only
 */
@ConfigurationProperties("finassist.content")
public record ContentProperties(String marketSource, Path marketDir, Long syntheticSeed, Integer syntheticStocks,
                                Integer syntheticDays, LocalDate syntheticEndDate, List<String> stSymbols,
                                BigDecimal stLimitRatio, StdDev bollStdDev, Boolean modelNarrative,
                                LocalDate stAlignedFrom, String stAlignedSource, Path masterFile,
                                String syntheticNames) {

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
        syntheticNames = syntheticNames == null ? "master" : syntheticNames.strip().toLowerCase(java.util.Locale.ROOT);
        if (!syntheticNames.equals("master") && !syntheticNames.equals("invented")) {
            throw new IllegalArgumentException("finassist.content.synthetic-names must be master or invented");
        }
        stAlignedFrom = stAlignedFrom == null ? PriceLimitRules.ST_ALIGNED_FROM : stAlignedFrom;
        stAlignedSource = stAlignedSource == null || stAlignedSource.isBlank() ? PriceLimitRules.ST_ALIGNED_SOURCE
                : stAlignedSource;
    }

    /** The demo market with made-up names (benchmarks). */
    public boolean inventedNames() {
        return "synthetic".equals(marketSource) && "invented".equals(syntheticNames);
    }

    /** The price-limit rules these properties configure (ST ratio before the alignment date, and that date). */
    public PriceLimitRules priceLimitRules() {
        return PriceLimitRules.DEFAULT.withStRatio(stLimitRatio).withStAlignedFrom(stAlignedFrom, stAlignedSource);
    }
}
