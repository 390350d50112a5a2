package org.finassist.content.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The daily bars of one security, oldest first, with column arrays for indicator code. Immutable; the arrays
 * returned are shared copies, callers must not modify them.
 */
public final class BarSeries {

    private final SecurityInfo security;
    private final List<Bar> bars;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] amount;

    public BarSeries(SecurityInfo security, List<Bar> bars) {
        this.security = Objects.requireNonNull(security, "security");
        this.bars = List.copyOf(bars);
        int n = this.bars.size();
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        amount = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = this.bars.get(i);
            if (i > 0 && !b.date().isAfter(this.bars.get(i - 1).date())) {
                throw new IllegalArgumentException(security.symbol() + ": bars out of order at " + b.date());
            }
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
            amount[i] = b.amount();
        }
    }

    public SecurityInfo security() {
        return security;
    }

    public List<Bar> bars() {
        return bars;
    }

    public int size() {
        return bars.size();
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public Bar bar(int i) {
        return bars.get(i);
    }

    public LocalDate date(int i) {
        return bars.get(i).date();
    }

    public LocalDate lastDate() {
        return bars.getLast().date();
    }

    /** Previous close of bar {@code i}: the source's value when given, else the prior bar's close (NaN for 0). */
    public double preClose(int i) {
        double given = bars.get(i).preClose();
        if (!Double.isNaN(given) && given > 0) {
            return given;
        }
        return i == 0 ? Double.NaN : close[i - 1];
    }

    /** Index of the last bar on or before {@code date}, or -1. */
    public int indexOnOrBefore(LocalDate date) {
        int lo = 0;
        int hi = bars.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).date().isAfter(date)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }

    /** The bars up to and including {@code date}. */
    public BarSeries upTo(LocalDate date) {
        return new BarSeries(security, bars.subList(0, indexOnOrBefore(date) + 1));
    }

    public double[] open() {
        return open;
    }

    public double[] high() {
        return high;
    }

    public double[] low() {
        return low;
    }

    public double[] close() {
        return close;
    }

    public double[] volume() {
        return volume;
    }

    public double[] amount() {
        return amount;
    }
}
