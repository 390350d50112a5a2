package org.finassist.content.master;

import org.finassist.content.market.Board;
import org.finassist.content.market.Exchange;
import org.finassist.content.market.MarketDataException;
import org.finassist.content.market.StPeriod;
import org.finassist.content.market.Symbol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The securities-master CSV (UTF-8, one security a line, documented in {@code docs/securities-master.md}):
 * <pre>
 * # free-text comment lines (source, as-of date, licence)
 * symbol,exchange,board,name,former_names,pinyin,list_date,st_periods,industry
 * 600519.SH,SH,MAIN,贵州茅台,,gzmt,2001-08-27,,白酒
 * 600001.SH,SH,MAIN,*ST华源,华源股份|ST华源,hy,1996-01-01,2023-05-04~2024-04-30:ST|2024-05-06~:*ST,
 * </pre>
 * Lists are separated by {@code |}. {@code board} is MAIN, CHINEXT, STAR or BSE. An ST period is
 * {@code from~to:label}; an empty {@code from} means "before the data", an empty {@code to} "still". Dates are ISO.
 * Fields never contain a comma; a row that breaks these rules fails the whole file with its line number.
 */
public final class MasterCsv {

    static final String HEADER = "symbol,exchange,board,name,former_names,pinyin,list_date,st_periods,industry";

    private MasterCsv() {
    }

    /** Reads a master; {@code #} lines are comments, their text kept as the master's provenance. */
    public static SecuritiesMaster read(Reader in, String origin) {
        List<ListedSecurity> rows = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            int lineNo = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                lineNo++;
                line = line.replace("\uFEFF", "");
                if (line.startsWith("#")) {
                    comments.add(line.substring(1).strip());
                } else if (!line.isBlank() && !header) {
                    if (!line.strip().equals(HEADER)) {
                        throw bad(origin, lineNo, "header must be '" + HEADER + "'");
                    }
                    header = true;
                } else if (!line.isBlank()) {
                    rows.add(row(line, origin, lineNo));
                }
            }
        } catch (IOException e) {
            throw new MarketDataException(MarketDataException.Reason.MALFORMED_DATA, "Cannot read " + origin, e);
        }
        return new SecuritiesMaster(rows, String.join("; ", comments));
    }

    /** Writes {@code master} with {@code comments} as leading {@code #} lines, in symbol order. */
    public static void write(SecuritiesMaster master, List<String> comments, Writer out) {
        try {
            for (String c : comments) {
                out.write("# " + c + "\n");
            }
            out.write(HEADER + "\n");
            for (ListedSecurity s : master.all()) {
                out.write(line(s) + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(ListedSecurity s) {
        List<String> f = List.of(s.symbol().toString(), s.exchange().name(), s.board().name(), s.name(),
                String.join("|", s.formerNames()), String.join("|", s.pinyinInitials()),
                s.listDate() == null ? "" : s.listDate().toString(),
                String.join("|", s.stPeriods().stream().map(MasterCsv::period).toList()),
                s.industry() == null ? "" : s.industry());
        if (f.stream().anyMatch(x -> x.contains(",") || x.contains("\n"))) {
            throw new IllegalArgumentException("A master field contains a comma or line break: " + f);
        }
        return String.join(",", f);
    }

    private static String period(StPeriod p) {
        return (p.from() == null ? "" : p.from()) + "~" + (p.to() == null ? "" : p.to()) + ":" + p.label();
    }

    private static ListedSecurity row(String line, String origin, int lineNo) {
        String[] f = line.split(",", -1);
        if (f.length != 9) {
            throw bad(origin, lineNo, "expected 9 fields, found " + f.length);
        }
        try {
            Symbol symbol = Symbol.parse(f[0].strip());
            if (Exchange.valueOf(f[1].strip()) != symbol.exchange()) {
                throw bad(origin, lineNo, "exchange " + f[1] + " does not match " + symbol);
            }
            Board board = Board.valueOf(f[2].strip().toUpperCase(Locale.ROOT));
            return new ListedSecurity(symbol, board, f[3], list(f[4]), list(f[5]),
                    f[6].isBlank() ? null : LocalDate.parse(f[6].strip()),
                    list(f[7]).stream().map(p -> period(p, origin, lineNo)).toList(), f[8]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw bad(origin, lineNo, e.getMessage());
        }
    }

    private static StPeriod period(String text, String origin, int lineNo) {
        int tilde = text.indexOf('~');
        int colon = text.indexOf(':', Math.max(tilde, 0));
        if (tilde < 0 || colon < 0) {
            throw bad(origin, lineNo, "ST period must be from~to:label: " + text);
        }
        String from = text.substring(0, tilde).strip();
        String to = text.substring(tilde + 1, colon).strip();
        return new StPeriod(from.isEmpty() ? null : LocalDate.parse(from), to.isEmpty() ? null : LocalDate.parse(to),
                text.substring(colon + 1).strip());
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split("\\|")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static MarketDataException bad(String origin, int lineNo, String why) {
        return new MarketDataException(MarketDataException.Reason.MALFORMED_DATA,
                origin + " line " + lineNo + ": " + why);
    }
}
