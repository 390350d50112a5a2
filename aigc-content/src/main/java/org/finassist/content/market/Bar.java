package org.finassist.content.market;

import java.time.LocalDate;

/**
 * One daily bar. Prices in CNY (index points for indices), volume in shares, amount in CNY.
 *
 * @param preClose previous close as given by the source, or NaN when the source has none
 */
public record Bar(LocalDate date, double preClose, double open, double high, double low, double close,
                  double volume, double amount) {
}
