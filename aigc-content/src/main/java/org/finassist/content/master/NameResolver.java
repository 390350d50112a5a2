package org.finassist.content.master;

import org.finassist.content.market.Symbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a stock from what a customer types: a code in any usual form, the full name, a former name, a short name
 * (a leading or trailing part of the name: 茅台, 宁德, 万科), a curated nickname (宁王, 招行; {@code nicknames.txt}) or
 * the pinyin initials (gzmt). A short name or initials
 * shared by several stocks gives {@link Resolution.Ambiguous}; one shared by more than {@link #GENERIC} (银行, 科技)
 * is a category, not a name, and is ignored inside free text. Inside a sentence a short name counts only where it is
 * a word of its own: not cut out of an everyday word ({@link WordBoundaries}; 会通 of 会通知), not inside a listed
 * not-name ({@code not-names.txt}: 比特 of 比特币, 特斯 of 特斯拉) and not the name of a sector (半导 of 半导体板块).
 */
public final class NameResolver {

    /** More stocks than this under one short name make it a category word. */
    static final int GENERIC = 8;
    private static final int SHOWN = 5;

    private static final Pattern CODE_IN_TEXT = Pattern.compile(
            "(?i)(?<![0-9A-Z])(?:(?:SH|SZ|BJ)\\d{6}|\\d{6}(?:\\.(?:SH|SS|SZ|BJ))?)(?![0-9])");
    private static final Pattern LATIN_RUN = Pattern.compile("(?<![A-Za-z])[A-Za-z]{3,8}(?![A-Za-z])");
    private static final Pattern CJK_ONLY = Pattern.compile("[\\p{IsHan}A-Z]{2,8}");
    // question words removed before looking for short names, and to find the unknown name in what is left
    // boards and indices first: "创业板指" and "科创板" hold the short names 创业 and 科创 of several stocks
    private static final List<String> FILLER = List.of("创业板指", "创业板", "科创板", "科创50", "北交所", "北证50", "上证指数",
            "上证50", "深证成指", "沪深300", "中证500", "中证1000", "大盘", "主板", "沪指", "深指", "能不能买", "可以买吗", "值得买吗", "会不会涨", "能买吗", "能买不",
            "涨不涨", "会涨吗", "怎么样", "怎样", "情况", "表现", "基本面", "怎么看", "咋样", "如何", "帮我", "帮忙", "麻烦", "请问", "诊断", "诊股", "分析",
            "看看", "看一下", "看下", "一下", "现在", "目前", "最近", "今天", "今日", "近期", "走势", "行情", "技术面", "股价",
            "股票", "个股", "这只", "这个", "那个", "还能", "持有", "可以", "买入", "卖出", "吗", "呢", "啊", "吧", "了", "么",
            "的", "？", "?", "！", "!", "，", ",", "。", "、", "：", ":");
    // what is left of a market question, not a stock name
    private static final Set<String> NOT_NAMES = Set.of("大盘", "指数", "市场", "A股", "股市", "板块", "沪指", "深指",
            "两市", "基金", "债券");

    // 行 of a nickname (中行, 交行) is often the first character of a word: 盘中行情, 成交行业 name no bank
    private static final Pattern NOT_NICKNAME_TAIL = Pattern.compile("行(情|业|权|为|使|动|驶|程|政)");

    // a sector asked about: "半导体板块", "新能源车板块", "锂电池概念股" — the words before it name the sector, not a stock
    private static final Pattern SECTOR_WORD = Pattern.compile("板块|行业|概念|赛道|题材");
    // how far (in characters) a short name may end before the sector word and still be part of the sector's name
    private static final int SECTOR_GLUE = 1;

    // a rest ending like a company name (天丰科技) that is no stock's name is an unknown company, not a short name
    private static final Pattern COMPANY_LIKE = Pattern.compile("[\\p{IsHan}]{2,6}(科技|股份|集团|电子|医药|软件|能源|材料"
            + "|智能|控股|实业|银行|证券|电气|传媒|食品|化工|装备|物流|农业|环境|药业|生物|电器|汽车)");

    private final SecuritiesMaster master;
    private final Map<String, ListedSecurity> byName = new HashMap<>();
    private final Map<String, List<ListedSecurity>> byFormerName = new HashMap<>();
    private final Map<String, List<ListedSecurity>> byInitials = new HashMap<>();
    private final Map<String, List<ListedSecurity>> byShortName = new HashMap<>();
    private final Map<String, ListedSecurity> byNickname = new HashMap<>();
    private final NotNames notNames;
    /**
     * Short names that end two or more names and begin none: an industry or a company form (投资 of 九鼎投资 and 长江投资,
     * 钢铁, 军工, 电力), which a sentence uses as a word ("价值投资好像行不通", "加仓了军工"), not to name one of them.
     */
    private final Set<String> industryWords = new HashSet<>();
    /** Short names that begin some stock's name (宁德, 格力); the others only end names (茅台, 讯飞, 制造, 趋势). */
    private final Set<String> leadingParts = new HashSet<>();
    /**
     * A short name that only ends names is read in a sentence with at most this many other characters (question words
     * removed): "茅台还能拿吗", "讯飞今天涨了吗", "我买的茅台跌了好多怎么办". In a longer sentence such a part is most often an
     * ordinary word ("一直是向下趋势" is not 财富趋势, "加仓了军工新能源车等制造类" not 科达制造).
     */
    static final int TRAILING_CONTEXT = 8;

    public NameResolver(SecuritiesMaster master) {
        this(master, Nicknames.shipped(), NotNames.shipped());
    }

    NameResolver(SecuritiesMaster master, Map<String, Symbol> nicknames) {
        this(master, nicknames, NotNames.none());
    }

    NameResolver(SecuritiesMaster master, Map<String, Symbol> nicknames, NotNames notNames) {
        this.master = master;
        this.notNames = notNames;
        nicknames.forEach((n, symbol) -> master.find(symbol).ifPresent(s -> byNickname.put(n, s)));
        for (ListedSecurity s : master.all()) {
            byName.putIfAbsent(normalise(s.name()), s);
            s.formerNames().forEach(n -> add(byFormerName, normalise(n), s));
            s.pinyinInitials().forEach(p -> add(byInitials, p.toLowerCase(Locale.ROOT), s));
            shortNames(s.name()).forEach(a -> add(byShortName, a, s));
        }
        byName.keySet().forEach(byShortName::remove); // a full name is never a short name of another stock
        byName.keySet().forEach(byNickname::remove);
        byShortName.forEach((shortName, fits) -> {
            if (fits.stream().map(s -> stripSt(normalise(s.name()))).anyMatch(n -> n.startsWith(shortName))) {
                leadingParts.add(shortName);
            } else if (fits.size() >= 2) {
                industryWords.add(shortName);
            }
        });
    }

    public SecuritiesMaster master() {
        return master;
    }

    /** Resolves a query that is meant to be just a stock: "600519", "贵州茅台", "茅台", "gzmt". */
    public Resolution resolve(String query) {
        String q = query == null ? "" : normalise(query);
        if (q.isEmpty()) {
            return new Resolution.Absent();
        }
        Optional<Symbol> code = Symbol.tryParse(q);
        if (code.isPresent()) {
            return byCode(code.get(), query.strip());
        }
        ListedSecurity exact = byName.get(q);
        if (exact != null) {
            return new Resolution.Found(exact, Resolution.Match.NAME);
        }
        ListedSecurity nick = byNickname.get(q);
        if (nick != null) {
            return new Resolution.Found(nick, Resolution.Match.NICKNAME);
        }
        String asTyped = query.strip();
        Resolution r = among(asTyped, byFormerName.get(q), Resolution.Match.FORMER_NAME);
        if (r == null && q.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            r = among(asTyped, byInitials.get(q.toLowerCase(Locale.ROOT)), Resolution.Match.PINYIN);
        }
        if (r == null) {
            r = among(asTyped, byShortName.get(stripSt(q)), Resolution.Match.SHORT_NAME);
        }
        if (r == null) {
            r = oneCharOff(asTyped, q);
        }
        return r == null ? new Resolution.Unknown(query.strip()) : r;
    }

    /**
     * Finds the stock a sentence is about ("帮我诊断一下贵州茅台", "茅台能买吗", "gzmt怎么样"): a code first, then a
     * full or former name, then initials, then a short name; when none fits but a short name-like rest remains after
     * removing question words, {@link Resolution.Unknown} with that rest.
     */
    public Resolution findIn(String text) {
        if (text == null || text.isBlank()) {
            return new Resolution.Absent();
        }
        Matcher m = CODE_IN_TEXT.matcher(text);
        while (m.find()) {
            Optional<Symbol> s = Symbol.tryParse(m.group());
            if (s.isPresent()) {
                return byCode(s.get(), m.group());
            }
        }
        String t = normalise(text);
        Optional<ListedSecurity> named = longestContained(t, byName);
        if (named.isPresent()) {
            return new Resolution.Found(named.get(), Resolution.Match.NAME);
        }
        Optional<ListedSecurity> nicknamed = longestContained(NOT_NICKNAME_TAIL.matcher(t).replaceAll("□□"), byNickname);
        if (nicknamed.isPresent()) {
            return new Resolution.Found(nicknamed.get(), Resolution.Match.NICKNAME);
        }
        String rest = withoutFiller(t);
        Resolution former = longestAmong(rest, byFormerName, Resolution.Match.FORMER_NAME, Integer.MAX_VALUE,
                (i, j) -> true);
        if (former != null) {
            return former;
        }
        Matcher latin = LATIN_RUN.matcher(text);
        while (latin.find()) {
            Resolution r = among(latin.group(), byInitials.get(latin.group().toLowerCase(Locale.ROOT)),
                    Resolution.Match.PINYIN);
            if (r != null) {
                return r;
            }
        }
        Resolution typo = outOfScope(rest).isPresent() ? null : oneCharOff(rest, rest);
        if (typo != null) {
            return typo;
        }
        if (COMPANY_LIKE.matcher(rest).matches()) {
            return new Resolution.Unknown(rest);
        }
        Resolution shortName = longestAmong(rest, byShortName, Resolution.Match.SHORT_NAME, GENERIC,
                (i, j) -> !industryWords.contains(rest.substring(i, j)) && aWordOfItsOwn(t, rest.substring(i, j))
                        && (leadingPart(rest.substring(i, j)) || rest.length() - (j - i) <= TRAILING_CONTEXT));
        if (shortName != null) {
            return shortName;
        }
        if (byShortName.containsKey(rest)) {
            return among(rest, byShortName.get(rest), Resolution.Match.SHORT_NAME); // only a category word: ask
        }
        // a sector ("光伏板块") or a name outside the A-share market ("特斯拉") is no unknown A-share
        return CJK_ONLY.matcher(rest).matches() && !rest.chars().allMatch(c -> c < 128) && !NOT_NAMES.contains(rest)
                && !SECTOR_WORD.matcher(rest).find() && outOfScope(t).isEmpty()
                ? new Resolution.Unknown(rest) : new Resolution.Absent();
    }

    /**
     * The first security or asset outside the A-share master the text names ("特斯拉股票怎么买" → 特斯拉, "比特币能抄底吗"
     * → 比特币), from {@code not-names.txt}: the question is for the knowledge base (which may decline it), not for
     * diagnosis.
     */
    public Optional<String> outOfScope(String text) {
        String t = text == null ? "" : normalise(text);
        return notNames.outOfScope().stream().filter(t::contains).findFirst();
    }

    private boolean leadingPart(String shortName) {
        return leadingParts.contains(shortName);
    }

    /** Whether a sentence asks about a sector ("半导体板块今天为啥大涨", "医药行业怎么样"), not a stock. */
    public static boolean namesASector(String text) {
        return text != null && SECTOR_WORD.matcher(text).find();
    }

    /**
     * Whether a short name is a word of its own somewhere in the sentence as typed (question words still in place:
     * 讯飞今天涨了吗 must not read 飞涨): it does not overlap a listed not-name (比特 of 比特币), is not glued to a sector
     * word (半导 of 半导体板块) and does not cut a word of the segmentation in two (会通 of 会通知).
     */
    private boolean aWordOfItsOwn(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if (aWordOfItsOwn(text, at, at + name.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean aWordOfItsOwn(String text, int i, int j) {
        for (String w : notNames.all()) {
            for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
                if (at < j && i < at + w.length()) {
                    return false;
                }
            }
        }
        Matcher sector = SECTOR_WORD.matcher(text);
        if (sector.find(j) && sector.start() - j <= SECTOR_GLUE) {
            return false;
        }
        return !WordBoundaries.cuts(text, i, j);
    }

    /**
     * A name typed with one wrong character (贵州矛台, 宁德时带): the names of the same length that differ in exactly
     * one position, offered as a question, never taken as found. Three characters at least, so two-character words
     * do not match half the market.
     */
    private Resolution oneCharOff(String asTyped, String q) {
        if (q.length() < 3 || q.length() > 8 || q.chars().allMatch(c -> c < 128)) {
            return null;
        }
        List<ListedSecurity> near = new ArrayList<>();
        for (Map.Entry<String, ListedSecurity> e : byName.entrySet()) {
            String name = e.getKey();
            if (name.length() == q.length() && differences(name, q) == 1) {
                near.add(e.getValue());
            }
        }
        if (near.isEmpty() || near.size() > SHOWN) {
            return null;
        }
        near.sort(Comparator.comparing(x -> x.symbol().toString()));
        return new Resolution.Ambiguous(asTyped, near, near.size());
    }

    private static int differences(String a, String b) {
        int d = 0;
        for (int i = 0; i < a.length() && d < 2; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                d++;
            }
        }
        return d;
    }

    private Resolution byCode(Symbol symbol, String asTyped) {
        return master.find(symbol).<Resolution>map(s -> new Resolution.Found(s, Resolution.Match.CODE))
                .orElseGet(() -> new Resolution.Unknown(asTyped));
    }

    private static Resolution among(String query, List<ListedSecurity> fits, Resolution.Match how) {
        if (fits == null || fits.isEmpty()) {
            return null;
        }
        if (fits.size() == 1) {
            return new Resolution.Found(fits.getFirst(), how);
        }
        return new Resolution.Ambiguous(query, fits.subList(0, Math.min(SHOWN, fits.size())), fits.size());
    }

    /** The longest full name in the text; of two as long, the later ("看看贵州茅台 那宁德时代呢" asks about 宁德时代). */
    private static Optional<ListedSecurity> longestContained(String text, Map<String, ListedSecurity> names) {
        ListedSecurity best = null;
        int bestLength = 2;
        for (int i = 0; i < text.length(); i++) {
            for (int j = text.length(); j >= i + bestLength; j--) {
                ListedSecurity s = names.get(text.substring(i, j));
                if (s != null) {
                    best = s;
                    bestLength = j - i;
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Where a name may be read in a text: {@code [start, end)}. */
    @FunctionalInterface
    private interface Span {
        boolean accepts(int start, int end);
    }

    private static Resolution longestAmong(String text, Map<String, List<ListedSecurity>> index,
                                           Resolution.Match how, int maxFits, Span where) {
        String best = null;
        for (int i = 0; i < text.length(); i++) {
            for (int j = text.length(); j >= i + 2 && (best == null || j - i > best.length()); j--) {
                List<ListedSecurity> fits = index.get(text.substring(i, j));
                if (fits != null && fits.size() <= maxFits && where.accepts(i, j)) {
                    best = text.substring(i, j);
                    break;
                }
            }
        }
        return best == null ? null : among(best, index.get(best), how);
    }

    /** Leading and trailing parts of the name without its ST prefix, two characters or more. */
    static Set<String> shortNames(String name) {
        String core = stripSt(normalise(name));
        Set<String> out = new LinkedHashSet<>();
        if (!core.equals(normalise(name)) && core.length() >= 2) {
            out.add(core);
        }
        for (int k = 2; k < core.length(); k++) {
            out.add(core.substring(0, k));
            out.add(core.substring(core.length() - k));
        }
        out.removeIf(a -> a.chars().allMatch(c -> c < 128)); // "A", "TCL" alone are not short names
        return out;
    }

    private static String stripSt(String name) {
        return name.replaceFirst("^\\*?S?ST", "");
    }

    private static String withoutFiller(String text) {
        String t = text;
        for (String f : FILLER) {
            t = t.replace(f.toUpperCase(Locale.ROOT), "");
        }
        return t;
    }

    private static void add(Map<String, List<ListedSecurity>> index, String key, ListedSecurity s) {
        List<ListedSecurity> list = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(s)) {
            list.add(s);
            list.sort(Comparator.comparing(x -> x.symbol().toString()));
        }
    }

    /** Removes spaces, folds full-width characters and upper-cases Latin letters (万科Ａ → 万科A). */
    static String normalise(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.strip().toCharArray()) {
            if (Character.isWhitespace(c) || c == '\u3000') {
                continue;
            }
            sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
