package org.finassist.core.assistant;

import org.finassist.core.chat.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rewrites a follow-up question ("那手续费呢？") into a standalone retrieval query with a local heuristic. A short
 * message that leans on the conversation (那/还有/呢/它/这个 …) is anchored on the last standalone user question
 * before it, so a chain of follow-ups ("科创板怎么开通" → "那创业板呢" → "北交所呢") keeps its topic:
 * <ul>
 *   <li>when the follow-up names an entity of the same kind as one in the anchor (创业板 after 科创板, 资金密码 after
 *       交易密码), the anchor is asked again with the entity swapped: "创业板怎么开通";</li>
 *   <li>otherwise the follow-up is appended to the anchor: "融资融券的开通条件是什么 那手续费呢？".</li>
 * </ul>
 */
final class FollowUp {

    private static final Pattern LEANS_ON_CONTEXT = Pattern.compile(
            "^(那|那么|还有|另外|再|它|这个|那个|这样|如果|要是|反过来|倒过来|反之|相反)|呢[？?]?$"
                    + "|^(怎么办|为什么|多少|多久|然后呢|具体呢)[？?]?$");
    /** "反过来怎么操作" after a transfer question asks the other way round: every direction of the anchor flips. */
    private static final Pattern REVERSAL = Pattern.compile("反过来|倒过来|反之|相反|反方向");
    private static final List<List<String>> DIRECTIONS = List.of(
            List.of("银行转证券", "证券转银行"), List.of("转入", "转出"), List.of("买入", "卖出"));
    private static final int SHORT = 14;
    /**
     * A message that found no answer alone is read after the question before it up to this length: a follow-up
     * that names what it asks but not the topic ("中签了然后呢 钱要啥时候准备好") runs longer than one that only leans on it.
     */
    private static final int READ_WITH_CONTEXT = 20;
    /** A question form: what a message without one asks ("帮我写首诗") is not about the topic before. */
    private static final Pattern ASKS = Pattern.compile("[吗呢么？?]|多久|多少|多长|几|怎|什么|啥|哪|谁|为何|为什么|是否|能否|可否"
            + "|[能会要][不没]");
    /** "也一样吗", "也是这样吗", "同样吗": the same question asked of something else. */
    private static final Pattern SAME_AS_BEFORE = Pattern.compile("也(一样|是这样|这样|相同|同样)|同样(吗|么)|一样(吗|么|不)");
    /** Question words, particles and pronouns: sharing one of them with the question before says nothing. */
    private static final Pattern FILLER = Pattern.compile("[^\\p{IsHan}]|什么|怎么|怎样|如何|多少|多久|为什么|哪|几|吗|呢|啊|呀|吧"
            + "|的|了|是|我|你|们|要|能|会|可以|还|也|有|在|就|都|这|那|个|一|不|没|和|跟|给|让");
    private static final int MAX_LOOKBACK = 6;
    /** A comparison: "和买股票一个费率吗", "跟主板一样吗", "比ETF贵吗". */
    private static final Pattern COMPARED = Pattern.compile("(?:和|跟|与|同)[^，,。？?\\s]{1,8}?(?:一样|一个|相同|差不多|比)"
            + "|比[^，,。？?\\s]{1,8}?(?:贵|便宜|高|低|多|少)");

    /** Entities of one kind: a follow-up naming one swaps it for the anchor's entity of the same kind. */
    private static final List<List<String>> KINDS = List.of(
            List.of("科创板", "创业板", "北交所", "港股通", "主板", "新三板", "沪市", "深市"),
            List.of("可转债", "国债逆回购", "ETF", "LOF", "货币基金", "债券基金", "股票基金", "QDII", "新股", "股票", "基金", "债券"),
            List.of("交易密码", "资金密码", "登录密码"),
            List.of("印花税", "佣金", "过户费", "手续费", "利率", "利息"),
            List.of("融资", "融券"),
            List.of("手机号", "银行卡", "地址"),
            // directions: "那转出呢" after a question about money coming in asks the opposite way round
            List.of("银行转证券", "证券转银行"),
            List.of("转入", "转出"),
            List.of("买入", "卖出"),
            List.of("开通", "取消", "关闭"));

    /** Boards, products and margin trading: topics a customer goes on asking about without naming them again. */
    private static final List<String> TOPICS = Stream.of(KINDS.get(0).stream(),
            KINDS.get(1).stream().filter(p -> !p.equals("股票")),
            Stream.of("融资融券", "两融", "信用账户", "期权", "条件单")).flatMap(s -> s).toList();

    /** Businesses and things a question can be about besides boards and products (see {@link #namesOwnTerm}). */
    private static final List<String> TERMS = List.of("开户", "销户", "中签", "缴款", "申购", "赎回", "转账", "密码", "测评",
            "分红", "红利", "撤单", "委托", "涨停", "跌停", "涨跌幅", "交易时间", "集合竞价", "见证", "身份证", "人脸", "登录",
            "担保", "平仓", "利息", "权限", "交割单", "对账单", "市值", "到账");

    private FollowUp() {
    }

    static String retrievalQuery(List<Message> history, String message) {
        String m = message.strip();
        if (!isFollowUp(history, m)) {
            return Colloquial.normalise(m);
        }
        String f = Colloquial.normalise(m);
        return anchor(history).map(a -> combine(Colloquial.normalise(a), f)).orElse(f);
    }

    /** Whether the message leans on the conversation before it, by its form alone ("那创业板呢"). */
    static boolean isFollowUp(String message) {
        String m = message.strip();
        return m.length() <= SHORT && LEANS_ON_CONTEXT.matcher(m).find();
    }

    /**
     * Whether the message leans on the conversation before it: by its form ({@link #isFollowUp(String)}), or, when
     * short, because it refers back without naming the topic again — "也一样吗" ("科创板也一样吗" after a question on
     * lot sizes), or by one character of the question before it, standing alone, and no word of it ("锁了要等多久"
     * after "密码输错几次会锁", "一天能测几次" after "风险测评是啥"). A question that names the topic again ("开户要多久"
     * after "开户要带什么") or a topic of its own ("转账要收钱吗" after "怎么把钱转入证券账户") stands on its own.
     */
    static boolean isFollowUp(List<Message> history, String message) {
        return followsOn(anchor(history), message);
    }

    /** {@link #isFollowUp(List, String)} given the standalone question before the message. */
    private static boolean followsOn(Optional<String> anchor, String message) {
        String m = message.strip();
        if (isFollowUp(m)) return true;
        if (m.length() > SHORT) return false;
        if (anchor.isEmpty()) return false;
        if (SAME_AS_BEFORE.matcher(m).find()) return true;
        // the question before named a board or product and this one names none: "开户要满多久" after "融资融券开户条件是什么"
        // asks about 融资融券, though it shares 开户 with it ("开户要多久" after "开户要带什么" names nothing more)
        String normalised = Colloquial.normalise(m);
        if (ASKS.matcher(m).find() && namesTopic(anchor.get()) && !namesAny(normalised)
                && !namesOwnTerm(normalised, anchor.get())) return true;
        String mine = content(Colloquial.normalise(m));
        String before = content(anchor.get());
        // the character stands alone among the message's content ("锁" in "锁了要等多久"), not inside a word of its
        // own ("转" in "转账要收钱吗" after "怎么把钱转入证券账户": 转账 names its own topic)
        boolean sharesChar = false;
        for (String run : mine.split(" +")) {
            if (run.length() == 1 && Character.isIdeographic(run.charAt(0)) && before.indexOf(run.charAt(0)) >= 0) {
                sharesChar = true;
            }
        }
        boolean sharesWord = false;
        for (int i = 0; i + 2 <= mine.length(); i++) {
            String w = mine.substring(i, i + 2);
            if (w.codePoints().allMatch(Character::isIdeographic) && before.contains(w)) sharesWord = true;
        }
        return sharesChar && !sharesWord;
    }

    /**
     * The message read after the question before it ("担保比例跌破平仓线怎么办 要多久内补上"), for a short message
     * that was read on its own and found nothing: in a conversation, a message too short to name its topic most
     * often continues the one before. Empty when there is no question before, the message is long enough to stand
     * alone ({@link #READ_WITH_CONTEXT}), or it was already read as a follow-up.
     */
    static Optional<String> withContext(List<Message> history, String message) {
        String m = message.strip();
        // a request ("帮我写首诗") is no question about the topic before
        if (m.length() > READ_WITH_CONTEXT || isFollowUp(history, m) || !ASKS.matcher(m).find()) return Optional.empty();
        return anchor(history).map(a -> a + " " + m);
    }

    /**
     * Whether what was found for {@link #withContext} bears on the message itself: a passage holds one of its
     * content characters ("要多久内补上" → "…应在T+2日内追加担保物…未按时补足"), not only the earlier question's, or the
     * message has none ("要多久").
     */
    static boolean touches(String message, String passage) {
        // a message of question words only ("要多久") has nothing of its own a passage could miss
        String own = content(Colloquial.normalise(message));
        return own.codePoints().noneMatch(Character::isIdeographic)
                || own.codePoints().filter(Character::isIdeographic).anyMatch(c -> passage.indexOf(c) >= 0);
    }

    /** The message without question words and particles, so what it shares with the question before it is content. */
    private static String content(String text) {
        return FILLER.matcher(text).replaceAll(" ");
    }

    /**
     * The standalone question a follow-up refers to: the latest user message that is not itself a follow-up, rewritten
     * through the follow-ups between it and now (so the third turn of a chain sees the second turn's topic).
     */
    static Optional<String> anchor(List<Message> history) {
        List<String> users = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && users.size() < MAX_LOOKBACK; i--) {
            Message earlier = history.get(i);
            if ("user".equals(earlier.role()) && earlier.content() != null && !earlier.content().isBlank()) {
                users.addFirst(earlier.content().strip());
            }
        }
        // a message that follows on keeps the topic (with its entity swapped), so the third turn of "我想开通创业板 →
        // 需要什么条件 → 要炒股几年才行" is still about 创业板; any other question starts a new topic
        Optional<String> anchor = Optional.empty();
        for (String u : users) {
            String turn = Colloquial.normalise(u);
            if (anchor.isPresent() && followsOn(anchor, u)) {
                // a follow-up by its form ("那创业板呢") swaps its entity in; one that asks something of its own about
                // the topic joins it ("打新需要什么条件 中签了怎么缴款"), so the next turn ("没缴会怎样") reads both
                String before = anchor.get();
                anchor = Optional.of(isFollowUp(u) ? swapped(before, turn).orElse(before) : combine(before, turn));
            } else if (!isFollowUp(u)) {
                anchor = Optional.of(turn);
            }
        }
        return anchor;
    }

    private static String combine(String anchor, String followUp) {
        return swapped(anchor, followUp).orElse(anchor + " " + followUp);
    }

    /** The anchor with its entity replaced by the follow-up's entity of the same kind, if both name one. */
    static Optional<String> swapped(String anchor, String followUp) {
        if (REVERSAL.matcher(followUp).find()) {
            String reversed = reversed(anchor);
            return reversed.equals(anchor) ? Optional.empty() : Optional.of(reversed);
        }
        String out = anchor;
        // what the follow-up compares with ("那佣金呢 和买股票一个费率吗" after an ETF question) is not what it asks about
        String asked = COMPARED.matcher(followUp).replaceAll(" ");
        for (List<String> kind : KINDS) {
            Optional<String> inFollowUp = first(asked, kind);
            Optional<String> inAnchor = first(out, kind);
            if (inFollowUp.isPresent() && inAnchor.isPresent()) {
                out = out.replace(inAnchor.get(), inFollowUp.get());
            }
        }
        return out.equals(anchor) ? Optional.empty() : Optional.of(out);
    }

    /** Each direction word of the anchor turned into its opposite (through placeholders, so none flips twice). */
    private static String reversed(String anchor) {
        String out = anchor;
        for (int i = 0; i < DIRECTIONS.size(); i++) {
            List<String> pair = DIRECTIONS.get(i);
            out = out.replace(pair.get(0), "\u0000" + i + "a\u0000").replace(pair.get(1), "\u0000" + i + "b\u0000");
        }
        for (int i = 0; i < DIRECTIONS.size(); i++) {
            List<String> pair = DIRECTIONS.get(i);
            out = out.replace("\u0000" + i + "a\u0000", pair.get(1)).replace("\u0000" + i + "b\u0000", pair.get(0));
        }
        return out;
    }

    /** Whether the text names a board, a product or margin trading: what a follow-up naming none goes on asking about. */
    private static boolean namesTopic(String text) {
        return TOPICS.stream().anyMatch(text::contains);
    }

    /**
     * Whether the message names a business of its own that the question before did not ("中签了怎么缴款" after
     * "打新需要什么条件" asks about paying for shares won, not about 打新's conditions).
     */
    private static boolean namesOwnTerm(String message, String anchor) {
        return TERMS.stream().anyMatch(t -> message.contains(t) && !anchor.contains(t));
    }

    /** Whether the text names an entity of any kind (a board, product, fee, password, direction...). */
    private static boolean namesAny(String text) {
        return TOPICS.stream().anyMatch(text::contains)
                || KINDS.stream().flatMap(List::stream).anyMatch(text::contains);
    }

    /** The first entity of {@code kind} in {@code text}, longest names first (国债逆回购 before 债券). */
    private static Optional<String> first(String text, List<String> kind) {
        return kind.stream().filter(text::contains).findFirst();
    }
}
