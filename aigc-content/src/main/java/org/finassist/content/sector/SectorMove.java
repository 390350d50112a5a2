package org.finassist.content.sector;

/**
 * One sector's day.
 *
 * @param sector        industry or board name
 * @param stocks        stocks with a bar that day
 * @param up            of which closed higher than the day before
 * @param down          of which closed lower
 * @param meanChangePct the stocks' mean change in percent
 */
public record SectorMove(String sector, int stocks, int up, int down, double meanChangePct) {
}
