package org.finassist.content.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span during which a stock was under special treatment (风险警示, shown as ST or *ST in its name).
 *
 * @param from  first day under the label, or {@code null} when the start is unknown (it began before the data)
 * @param to    last day under the label, or {@code null} while it lasts
 * @param label {@code ST} or {@code *ST} (the exchange's prefix; *ST adds a delisting-risk warning)
 */
public record StPeriod(LocalDate from, LocalDate to, String label) {

    public StPeriod {
        Objects.requireNonNull(label, "label");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("An ST period ends before it starts: " + from + ".." + to);
        }
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
