/**
 * The securities master: every listed A-share with its exchange, board, name and former names, pinyin initials,
 * listing date, ST history and industry ({@link org.finassist.content.master.SecuritiesMaster}, read from and written
 * to the CSV format of {@link org.finassist.content.master.MasterCsv}); and {@link
 * org.finassist.content.master.NameResolver}, which turns what a customer types (600519, 贵州茅台, 茅台, gzmt) into
 * one security, a clarifying question, or a clear "unknown".
 */
package org.finassist.content.master;
