package org.finassist.content.market;

import java.time.LocalDate;

/** Which days the exchanges trade. Implementations may call a data API and cache. */
public interface TradingCalendar {

    /** Whether the SSE/SZSE trade on {@code date}. */
    boolean isTradingDay(LocalDate date);

    /** Weekdays only: a fallback when no exchange calendar is configured (holidays count as trading days). */
    TradingCalendar WEEKDAYS = date -> date.getDayOfWeek().getValue() <= 5;
}
