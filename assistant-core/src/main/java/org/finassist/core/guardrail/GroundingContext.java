package org.finassist.core.guardrail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a generated text may cite: numbers from computed facts, dates from the data, and literal strings that
 * contain digits but are names, not figures (stock codes, "沪深300").
 */
public record GroundingContext(List<GroundedNumber> numbers, Set<LocalDate> dates, Set<String> literals) {

    public GroundingContext {
        numbers = List.copyOf(numbers);
        dates = Set.copyOf(dates);
        literals = Set.copyOf(literals);
    }

    public static GroundingContext empty() {
        return new GroundingContext(List.of(), Set.of(), Set.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects numbers, dates and literals; the result is immutable. */
    public static final class Builder {
        private final List<GroundedNumber> numbers = new ArrayList<>();
        private final Set<LocalDate> dates = new LinkedHashSet<>();
        private final Set<String> literals = new LinkedHashSet<>();

        public Builder number(String key, BigDecimal value, String unit) {
            numbers.add(new GroundedNumber(key, value, unit));
            return this;
        }

        public Builder number(String key, long value, String unit) {
            return number(key, BigDecimal.valueOf(value), unit);
        }

        public Builder date(LocalDate date) {
            dates.add(date);
            return this;
        }

        public Builder literal(String literal) {
            if (literal != null && !literal.isBlank()) {
                literals.add(literal);
            }
            return this;
        }

        public GroundingContext build() {
            return new GroundingContext(numbers, dates, literals);
        }
    }
}
