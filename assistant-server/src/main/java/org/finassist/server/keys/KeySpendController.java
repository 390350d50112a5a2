package org.finassist.server.keys;

import org.finassist.server.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /admin/api-keys/{id}/spend?from=&to=}: a key's requests, tokens and CNY per model and day (dates in
 * {@code finassist.keys.zone}, inclusive; default this month), their total, and today's and this month's spend as
 * the budgets see it. Admin only. Keys without a budget are written every {@code finassist.keys.spend-flush}.
 */
@RestController
class KeySpendController {

    record SpendView(long keyId, LocalDate from, LocalDate to, List<Spend> rows, long requests, long promptTokens,
                     long completionTokens, BigDecimal costCny, BigDecimal todayCny, BigDecimal monthCny) {
    }

    private static final int MAX_DAYS = 366;
    private final SpendStore store;
    private final KeysProperties properties;
    private final Clock clock = Clock.systemUTC();

    KeySpendController(SpendStore store, KeysProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @GetMapping("/admin/api-keys/{id}/spend")
    ResponseEntity<?> spend(@PathVariable long id, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate start;
        LocalDate end;
        try {
            start = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from.strip());
            end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_date", "from and to are dates like 2026-12-01",
                    "日期格式应为 2026-12-01。");
        }
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            return Problems.response(HttpStatus.BAD_REQUEST, "bad_range",
                    "from must not be after to, and the range at most " + MAX_DAYS + " days",
                    "起止日期有误：开始不能晚于结束，且最多查询 " + MAX_DAYS + " 天。");
        }
        List<Spend> rows = store.rows(id, start, end);
        SpendStore.Totals totals = store.totals(id, today);
        return ResponseEntity.ok(new SpendView(id, start, end, rows,
                rows.stream().mapToLong(Spend::requests).sum(),
                rows.stream().mapToLong(Spend::promptTokens).sum(),
                rows.stream().mapToLong(Spend::completionTokens).sum(),
                rows.stream().map(Spend::costCny).reduce(BigDecimal.ZERO, BigDecimal::add),
                totals.today(), totals.month()));
    }
}
