/**
 * How sectors moved on a trading day ("哪些板块涨得好"): {@link org.finassist.content.sector.SectorRanking} groups the
 * day's stocks by industry when the securities master has industries (Tushare) and ranks the industries by their
 * stocks' mean change; without industries it gives no ranking. Computed from the same bars as every other figure.
 */
package org.finassist.content.sector;
