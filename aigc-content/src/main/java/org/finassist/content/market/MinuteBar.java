package org.finassist.content.market;

import java.time.LocalDateTime;

/** One 1-minute bar: prices in CNY, volume in shares, amount in CNY. */
public record MinuteBar(LocalDateTime time, double open, double high, double low, double close,
                        double volume, double amount) {
}
