package org.finassist.content.master;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.finassist.content.market.Board;
import org.finassist.content.market.StPeriod;
import org.finassist.content.market.Symbol;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the shipped securities master from the index-constituent lists ({@code Symbol,Name} CSVs, Apache-2.0,
 * yfiua/index-constituents): A-shares only (B shares 200/900 and foreign listings dropped), names folded to
 * half-width without spaces, board from the code, pinyin initials by pinyin4j (every reading of a polyphonic
 * character, the first reading first, at most {@link #MAX_INITIALS} variants), ST from the name (start unknown).
 * The lists carry no listing dates, former names or industries; where two lists disagree on a name the one in
 * {@link #CURRENT} is kept and the other becomes a former name. Run by {@code scripts/build-securities-master.sh}.
 */
final class ConstituentsMasterBuilder {

    static final int MAX_INITIALS = 4;

    /** Renamed stocks whose lists disagree: the current name (the other list still has the former one). */
    static final Map<String, String> CURRENT = Map.of(
            "000875.SZ", "电投绿能", "300682.SZ", "朗新集团", "300919.SZ", "中伟新材");

    /** Two-character words whose usual reading is not pinyin4j's first one (银行 is yin hang, not yin xing). */
    static final Map<String, String> PHRASES = Map.of("银行", "yh", "重庆", "cq", "厦门", "xm", "长江", "cj",
            "长城", "cc", "长安", "ca", "长春", "cc", "长沙", "cs", "万科", "wk", "朝阳", "cy");

    private ConstituentsMasterBuilder() {
    }

    static SecuritiesMaster build(Path constituentsDir) throws IOException {
        Map<Symbol, Set<String>> names = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(constituentsDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    String[] cols = line.replace("\uFEFF", "").split(",", -1);
                    Optional<Symbol> s = cols.length >= 2 ? Symbol.tryParse(cols[0]) : Optional.empty();
                    if (s.isPresent() && isAShare(s.get())) {
                        names.computeIfAbsent(s.get(), k -> new LinkedHashSet<>()).add(fold(cols[1]));
                    }
                }
            }
        }
        List<ListedSecurity> out = new ArrayList<>();
        names.forEach((symbol, all) -> {
            String name = CURRENT.getOrDefault(symbol.toString(), all.iterator().next());
            List<String> former = all.stream().filter(n -> !n.equals(name)).toList();
            List<StPeriod> st = name.matches("^\\*?S?ST.*")
                    ? List.of(new StPeriod(null, null, name.startsWith("*") ? "*ST" : "ST")) : List.of();
            out.add(new ListedSecurity(symbol, symbol.board(), name, former, initials(name), null, st, null));
        });
        return new SecuritiesMaster(out, "");
    }

    static String csv(SecuritiesMaster master) {
        StringWriter w = new StringWriter();
        MasterCsv.write(master, List.of(
                "FinAssist securities master, format: docs/securities-master.md",
                "Built by scripts/build-securities-master.sh from the index-constituent lists of yfiua/index-constituents"
                        + " (Apache License 2.0; see NOTICE): csi300, csi500, csi1000, sse, szse",
                "Codes, names and pinyin initials only: no listing dates, industries or ST history in the source"), w);
        return w.toString();
    }

    static boolean isAShare(Symbol s) {
        String c = s.code();
        return s.board() != Board.INDEX && !c.startsWith("900") && !c.startsWith("200");
    }

    static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** Pinyin initials of the name without its ST prefix; letters and digits kept as they are (TCL科技 → tclkj). */
    static List<String> initials(String name) {
        String core = name.replaceFirst("^\\*?S?ST", "");
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        List<StringBuilder> variants = new ArrayList<>(List.of(new StringBuilder()));
        for (char c : core.toCharArray()) {
            List<Character> options = options(c, format);
            List<StringBuilder> next = new ArrayList<>();
            for (StringBuilder v : variants) {
                for (char o : options) {
                    if (next.size() < MAX_INITIALS || o == options.getFirst()) {
                        next.add(new StringBuilder(v).append(o));
                    }
                }
            }
            variants = next.size() > MAX_INITIALS ? next.subList(0, MAX_INITIALS) : next;
        }
        List<String> all = new ArrayList<>();
        all.add(preferred(core, format));
        variants.forEach(v -> all.add(v.toString()));
        return all.stream().filter(s -> !s.isEmpty()).distinct().limit(MAX_INITIALS).toList();
    }

    /** Initials by the first reading of each character, except inside the words of {@link #PHRASES}. */
    private static String preferred(String core, HanyuPinyinOutputFormat format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < core.length(); i++) {
            String phrase = i + 2 <= core.length() ? PHRASES.get(core.substring(i, i + 2)) : null;
            if (phrase != null) {
                sb.append(phrase);
                i++;
            } else {
                options(core.charAt(i), format).stream().findFirst().ifPresent(sb::append);
            }
        }
        return sb.toString();
    }

    private static List<Character> options(char c, HanyuPinyinOutputFormat format) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) ? List.of(Character.toLowerCase(c)) : List.of();
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
            if (readings == null || readings.length == 0) {
                return List.of();
            }
            Set<Character> firsts = new LinkedHashSet<>();
            for (String r : readings) {
                firsts.add(r.charAt(0));
            }
            return List.copyOf(firsts);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code args[0]} the constituents directory, {@code args[1]} the CSV to write. */
    public static void main(String[] args) throws IOException {
        SecuritiesMaster master = build(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), csv(master), StandardCharsets.UTF_8);
        System.out.println("Wrote " + master.size() + " securities " + master.countByBoard() + " to " + args[1]);
    }
}
