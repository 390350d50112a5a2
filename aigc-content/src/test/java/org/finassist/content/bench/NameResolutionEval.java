package org.finassist.content.bench;

import org.finassist.content.master.ListedSecurity;
import org.finassist.content.master.NameResolver;
import org.finassist.content.master.Resolution;
import org.finassist.content.master.SecuritiesMaster;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the shipped master resolves the ways customers name a stock, generated mechanically for every stock (nothing
 * here is tuned): code, full name, pinyin initials, the first and the last two characters, a sentence around the
 * name, and the name with one character swapped for a homophone-like neighbour (a typo). Stocks are split by a hash
 * of their code: two thirds "dev", one third "held-out". Run by {@code bench/names.sh}.
 */
public final class NameResolutionEval {

    enum Outcome { RIGHT, WRONG, ASK_BACK_WITH_IT, ASK_BACK_WITHOUT_IT, UNKNOWN }

    private NameResolutionEval() {
    }

    public static void main(String[] args) {
        SecuritiesMaster master = SecuritiesMaster.bundled();
        NameResolver resolver = new NameResolver(master);
        Map<String, Function<ListedSecurity, String>> kinds = new LinkedHashMap<>();
        kinds.put("code", s -> s.symbol().code());
        kinds.put("full name", ListedSecurity::name);
        kinds.put("initials", s -> s.pinyinInitials().isEmpty() ? s.name() : s.pinyinInitials().getFirst());
        kinds.put("first 2 chars", s -> s.name().substring(0, 2));
        kinds.put("last 2 chars", s -> s.name().substring(s.name().length() - 2));
        kinds.put("sentence: 帮我诊断一下<name>", s -> "帮我诊断一下" + s.name());
        kinds.put("sentence: <first 2>能买吗", s -> s.name().substring(0, 2) + "能买吗");
        kinds.put("typo: last char replaced", s -> s.name().substring(0, s.name().length() - 1) + "某");
        for (String split : List.of("dev", "held-out")) {
            List<ListedSecurity> stocks = master.all().stream()
                    .filter(s -> (Math.floorMod(s.symbol().code().hashCode(), 3) == 0) == split.equals("held-out"))
                    .toList();
            System.out.printf("%n%s: %d stocks%n%-32s %7s %7s %9s %9s %7s%n", split, stocks.size(), "query kind",
                    "right", "wrong", "ask(has)", "ask(not)", "unknown");
            kinds.forEach((kind, query) -> {
                Map<Outcome, Integer> n = new EnumMap<>(Outcome.class);
                for (ListedSecurity s : stocks) {
                    String q = query.apply(s);
                    Resolution r = kind.startsWith("sentence") ? resolver.findIn(q) : resolver.resolve(q);
                    n.merge(outcome(r, s), 1, Integer::sum);
                }
                System.out.printf("%-32s %6.1f%% %6.1f%% %8.1f%% %8.1f%% %6.1f%%%n", kind,
                        pct(n, Outcome.RIGHT, stocks.size()), pct(n, Outcome.WRONG, stocks.size()),
                        pct(n, Outcome.ASK_BACK_WITH_IT, stocks.size()), pct(n, Outcome.ASK_BACK_WITHOUT_IT, stocks.size()),
                        pct(n, Outcome.UNKNOWN, stocks.size()));
            });
        }
    }

    private static Outcome outcome(Resolution r, ListedSecurity s) {
        return switch (r) {
            case Resolution.Found f -> f.security().symbol().equals(s.symbol()) ? Outcome.RIGHT : Outcome.WRONG;
            case Resolution.Ambiguous a -> a.candidates().stream().anyMatch(c -> c.symbol().equals(s.symbol()))
                    ? Outcome.ASK_BACK_WITH_IT : Outcome.ASK_BACK_WITHOUT_IT;
            default -> Outcome.UNKNOWN;
        };
    }

    private static double pct(Map<Outcome, Integer> n, Outcome o, int total) {
        return 100.0 * n.getOrDefault(o, 0) / total;
    }
}
