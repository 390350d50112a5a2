package org.finassist.content.tushare;

import org.finassist.content.market.Board;
import org.finassist.content.market.SecurityInfo;
import org.finassist.content.market.StPeriod;
import org.finassist.content.market.Symbol;
import org.finassist.content.master.ListedSecurity;
import org.finassist.content.master.SecuritiesMaster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a securities master from Tushare Pro: {@code stock_basic} (listed stocks: name, board, cnspell initials,
 * industry, list date) and {@code namechange} (every earlier name with its dates: former names, and ST/*ST periods
 * from the names that carried the prefix). What the refresh job runs.
 */
public final class TushareMasterLoader {

    static final String BASIC_FIELDS = "ts_code,symbol,name,area,industry,cnspell,market,exchange,list_status,"
            + "list_date,delist_date";
    static final String NAMECHANGE_FIELDS = "ts_code,name,start_date,end_date,change_reason";
    /** Rows per namechange page (the API caps one answer). */
    static final int PAGE = 5_000;

    private final TushareClient client;

    public TushareMasterLoader(TushareConfig config) {
        this(new TushareClient(config, RateLimiter.perMinute(config.requestsPerMinute())));
    }

    TushareMasterLoader(TushareClient client) {
        this.client = client;
    }

    public SecuritiesMaster load() {
        Map<Symbol, List<TushareTable.Row>> history = new HashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            TushareTable page = client.call("namechange", Map.of("offset", String.valueOf(offset),
                    "limit", String.valueOf(PAGE)), NAMECHANGE_FIELDS);
            page.rows().forEach(r -> Symbol.tryParse(r.text("ts_code"))
                    .ifPresent(s -> history.computeIfAbsent(s, k -> new ArrayList<>()).add(r)));
            if (page.items().size() < PAGE) {
                break;
            }
        }
        List<ListedSecurity> out = new ArrayList<>();
        for (TushareTable.Row r : client.call("stock_basic", Map.of("list_status", "L"), BASIC_FIELDS).rows()) {
            listed(r).map(s -> withHistory(s, history.getOrDefault(s.symbol(), List.of()))).ifPresent(out::add);
        }
        return new SecuritiesMaster(out, "Tushare Pro stock_basic + namechange, loaded " + LocalDate.now());
    }

    /** One stock_basic row, without history; empty for rows that are not A-shares. */
    static Optional<ListedSecurity> listed(TushareTable.Row r) {
        Optional<Symbol> symbol = Symbol.tryParse(r.text("ts_code"));
        if (symbol.isEmpty() || r.text("name").isBlank()) {
            return Optional.empty();
        }
        Board board = switch (r.text("market")) {
            case "主板" -> Board.MAIN;
            case "创业板" -> Board.CHINEXT;
            case "科创板" -> Board.STAR;
            case "北交所" -> Board.BSE;
            default -> symbol.get().board();
        };
        if (board == Board.INDEX) {
            return Optional.empty();
        }
        String name = r.text("name");
        List<String> initials = r.text("cnspell").isBlank() ? List.of() : List.of(r.text("cnspell"));
        List<StPeriod> st = SecurityInfo.isStName(name) ? List.of(new StPeriod(null, null, stLabel(name))) : List.of();
        return Optional.of(new ListedSecurity(symbol.get(), board, name, List.of(), initials, r.date("list_date"), st,
                r.text("industry")));
    }

    /** Former names (without ST variants) and ST periods from the stock's namechange rows. */
    static ListedSecurity withHistory(ListedSecurity s, List<TushareTable.Row> rows) {
        List<TushareTable.Row> sorted = rows.stream()
                .sorted(Comparator.comparing(r -> Optional.ofNullable(r.date("start_date")).orElse(LocalDate.MIN)))
                .toList();
        LinkedHashSet<String> former = new LinkedHashSet<>();
        List<StPeriod> st = new ArrayList<>();
        String core = s.name().replaceFirst("^\\*?S?ST", "");
        for (TushareTable.Row r : sorted) {
            String name = r.text("name").replaceAll("\\s+", "");
            if (SecurityInfo.isStName(name)) {
                st.add(new StPeriod(r.date("start_date"), r.date("end_date"), stLabel(name)));
            } else if (!name.isEmpty() && !name.equals(s.name()) && !name.equals(core)) {
                former.add(name);
            }
        }
        if (st.isEmpty()) {
            st = s.stPeriods(); // the current name may be ST though namechange has not caught up
        }
        return new ListedSecurity(s.symbol(), s.board(), s.name(), List.copyOf(former), s.pinyinInitials(),
                s.listDate(), st, s.industry());
    }

    private static String stLabel(String name) {
        return name.replaceAll("\\s+", "").startsWith("*") ? "*ST" : "ST";
    }
}
