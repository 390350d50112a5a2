package org.finassist.server.keys;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Requests, tokens and CNY of one key, model and day (or a sum of such rows). */
public record Spend(long keyId, LocalDate day, String model, long requests, long promptTokens,
                    long completionTokens, BigDecimal costCny) {

    Spend plus(Spend other) {
        return new Spend(keyId, day, model, requests + other.requests, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, costCny.add(other.costCny));
    }
}
