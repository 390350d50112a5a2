package org.finassist.content.market;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/** yyyymmdd and HHMM integers as HQChart writes them. */
final class HqChartDates {

    private HqChartDates() {
    }

    static LocalDate date(long yyyymmdd, Path file, int row) {
        try {
            return LocalDate.of((int) (yyyymmdd / 10000), (int) (yyyymmdd / 100 % 100), (int) (yyyymmdd % 100));
        } catch (DateTimeException e) {
            throw HqChartMarketDataSource.malformed(file, "row " + row + " has a bad date " + yyyymmdd);
        }
    }

    static LocalTime time(int hhmm, Path file) {
        try {
            return LocalTime.of(hhmm / 100, hhmm % 100);
        } catch (DateTimeException e) {
            throw HqChartMarketDataSource.malformed(file, "bad time " + hhmm);
        }
    }
}
