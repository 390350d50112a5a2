package org.finassist.core.local;

import org.finassist.core.chat.Passage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks, without a model, the one retrieved passage that answers a question and the sentences of it that do, so the
 * offline answer is what a person would say rather than a list of loosely related passages. A passage answers when it
 * shares at least {@link #MIN_SHARED} of the question's content bigrams and at least {@link #MIN_COVERAGE} of them
 * (filler words such as 怎么/什么/吗 removed first); otherwise nothing answers and the caller declines. The two bounds
 * are set a priori (two words, a third of the question), not fitted on an evaluation set.
 */
final class AnswerPicker {

    static final int MIN_SHARED = 2;
    /** A "why does it fail" question is answered by a passage about failures, not by a how-to. */
    // "没有" is a trouble when something did not happen ("钱没有到账"), not when the customer lacks something ("没有银行卡")
    private static final Pattern TROUBLE = Pattern.compile("失败|不成功|不了|不上|无法|不能|没有(?![^，,。？?\\s]{0,2}(卡|身份证|证件|手机|账户|账号|钱|资金|经验|时间))|没到|未到|错误|锁定|原因"
            + "|断了|掉线|闪退|卡住|模糊|不清|不合格|不通过|通不过|识别不出");
    /** An entry about something failing ("…上传失败怎么办", "银证转账失败怎么办"). */
    private static final Pattern FAILURE_ENTRY = Pattern.compile("失败|不成功|错误");
    private static final Pattern ASKS_IF_POSSIBLE = Pattern.compile("能不能|可不可以|是不是|能否|行不行|有没有");
    static final double MIN_COVERAGE = 1.0 / 3;
    /** A passage about the aspect asked (its risks, its rate, changing it) beats one that only shares the words. */
    private static final double ASPECT_BONUS = 0.3;
    /** Retrieval's first few: a passage that names what the question asks about may rank below look-alikes. */
    private static final int CANDIDATES = 5;
    /**
     * The curated answer (and the document passage) retrieval ranked first among those that can answer (AskedFor)
     * answers on fewer shared words when
     * it holds at least this share of the question's characters: colloquial wording shares characters, not words,
     * with the curated text ("佣金太高了 能不能降点" → 可以降低佣金吗).
     */
    static final double FIRST_MIN_CHARS = 0.5;
    private static final int MAX_CHARS = 160;
    /**
     * The vector leg's cosine similarity at which the first curated entry, sharing one content word, is taken to ask
     * the same thing though the customer's wording shares little else with it ("挂了个买单一上午都没成交 到底为啥" →
     * 委托下单后为什么没有成交). The scale is the shipped embedding model's (bge-small-zh): set from its similarities of
     * the shipped question sets' answerable questions to their entries against out-of-scope ones, see docs/benchmarks.md.
     */
    static final double STRONG_SIMILARITY = 0.70;
    /**
     * The first-ranked entry answers on little shared wording only when it holds at least this share of the question's
     * content words or the question is at least {@link #FIRST_MIN_SIMILARITY} like it (when the vector leg found it).
     * Set on two kinds of data together (docs/benchmarks.md): the shipped question sets' answerable questions, where it
     * keeps 91 of the 96 first-ranked answers, and real wealth-app messages (Fin-Eva 金融意图理解), where it removes 20
     * of the 42 first-ranked answers, each from an entry about something else.
     */
    static final double FIRST_MIN_COVERAGE = 0.2;
    static final double FIRST_MIN_SIMILARITY = 0.65;
    /**
     * Words that ask when or how long: AskedFor weighs the aspect they ask; as content they would make any entry about
     * a duration ("开户需要多长时间") look like the answer to "开完要多久才能买" after a question on another topic.
     */
    private static final String ASKS_WHEN = "多长时间|多长|多久|多少天|几天|什么时候|啥时候|何时|";
    private static final Pattern FILLER = Pattern.compile(ASKS_WHEN + "请问|请教|哪几|时候|一般|要|你好|您好|我想|我要|想问|问一下|一下|怎么样|怎么办|怎么|怎样|如何"
            + "|有没有|什么|多少|哪些|哪个|哪里|为什么|为啥|是不是|能不能|可不可以|可以|能否|需要|吗|呢|啊|呀|吧|的|了|我|你们|你"
            + "|帮我|麻烦");
    /** The passage's time range holds the moment asked ("两点五十八还能撤单吗" → 14:57-15:00 收盘集合竞价). */
    private static final double TIME_BONUS = 0.3;
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern NOT_HAN_OR_WORD = Pattern.compile("[^\\p{IsHan}A-Za-z0-9+*]+");
    private static final Pattern SENTENCE = Pattern.compile("[^。！？；\\n]+[。！？；]?");

    /** The chosen passage (1-based position among the given ones) and the sentences of it that answer. */
    record Pick(int number, Passage passage, String answer) {
    }

    private AnswerPicker() {
    }

    static Optional<Pick> pick(String question, List<Passage> passages) {
        return pick(question, List.of(), Set.of(), passages);
    }

    /**
     * One question of several in a message, read with its context: the passage must also share a word of the
     * question itself, or it answers the context ("基金赎回") rather than what was asked ("要手续费吗"), and a word of the
     * topic it borrowed, or it answers the bare question ("要去营业部吗" after "密码忘了怎么办" is not about 销户).
     */
    static Optional<Pick> pick(QuestionParts.Part part, List<Passage> passages) {
        Set<String> own = bigrams(content(part.asked()));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        if (part.topic().isBlank()) {
            // a question naming its own thing: an entry whose own question shares its words answers it as asked
            return pick(part.withContext(), List.of(own), own, passages);
        }
        // a question borrowing the first one's topic is answered about that topic or not at all: "可转债怎么买 最少买多少"
        // is not answered with the lot size of shares, nor "港股通开通条件 几点能交易" with the A-share hours
        return pick(part.withContext(), List.of(own, bigrams(content(part.topic()))), Set.of(), passages);
    }

    private static Optional<Pick> pick(String question, List<Set<String>> mustShare, Set<String> topicMustShare,
            List<Passage> passages) {
        Set<String> q = bigrams(content(question));
        if (q.isEmpty()) {
            return Optional.empty();
        }
        // "能不能降点" asks whether something is possible; only what is left can report a trouble ("转不出来")
        String asked = ASKS_IF_POSSIBLE.matcher(question).replaceAll("");
        Pick best = null;
        double bestScore = 0;
        boolean firstFaqAhead = true;
        boolean firstDocumentAhead = true;
        for (int i = 0; i < Math.min(CANDIDATES, passages.size()); i++) {
            Passage p = passages.get(i);
            String text = answerPart(p.text());
            String whole = questionPart(p.text()) + text + p.headingPath();
            String topic = questionPart(p.text()) + " " + p.headingPath();
            // a document's own section says what the passage is about, not the document's title ("基金理财与风险揭示")
            AskedFor.Aspect aspect = AskedFor.aspect(question, questionPart(p.text()) + " " + section(p.headingPath()));
            if (!AskedFor.answerable(question, whole) || AskedFor.oppositeWay(question, topic)
                    || aspect == AskedFor.Aspect.OTHER) {
                continue;
            }
            boolean isFaq = p.text().startsWith("问：");
            boolean first = isFaq ? firstFaqAhead : firstDocumentAhead;
            if (isFaq) firstFaqAhead = false; else firstDocumentAhead = false;
            String all = content(whole);
            Set<String> passageWords = bigrams(all);
            if (mustShare.stream().anyMatch(words -> !words.isEmpty() && shared(words, passageWords) == 0)
                    || !topicMustShare.isEmpty() && shared(topicMustShare, bigrams(content(topic))) == 0) {
                continue;
            }
            int shared = shared(q, passageWords);
            double coverage = (double) shared / q.size();
            double chars = charCoverage(question, all);
            // single characters break ties between passages sharing as many words ("收费" in "收取费用"); earlier
            // passages ranked higher by retrieval win what is still tied
            // the curated phrasing asking the same words is the surest sign of the same question ("交易时间是几点到几点"
            // is the entry 交易时间, not 银证转账的时间)
            double phrasing = isFaq ? (double) shared(q, bigrams(content(questionPart(p.text()) + p.headingPath()))) / q.size() : 0;
            double score = coverage + 0.1 * chars + 0.2 * phrasing - i * 0.02
                    + (aspect == AskedFor.Aspect.SAME ? ASPECT_BONUS : 0)
                    + (AskedFor.holdsTimeAsked(question, text) ? TIME_BONUS : 0);
            // a question of one or two content words cannot share two of them
            int needed = q.size() <= 3 ? 1 : MIN_SHARED;
            boolean enough = shared >= needed && coverage >= MIN_COVERAGE;
            boolean trouble = TROUBLE.matcher(asked).find();
            // and an entry about a failure ("身份证照片上传失败怎么办") does not answer a how-to ("要拍身份证哪几面")
            boolean troubleAnswered = trouble ? TROUBLE.matcher(text).find()
                    : !(isFaq && FAILURE_ENTRY.matcher(p.headingPath()).find());
            // the entry retrieval ranked first, a curated answer sharing words with the question, answers even when the
            // customer's wording covers less of it ("我17岁能自己开户吗" → 未成年人可以开户吗)
            // so does the first document passage that shares two words and half the characters ("场外基金几点前买算当天")
            boolean firstRanked = first && (isFaq
                    ? shared >= needed || shared >= 1 && (chars >= FIRST_MIN_CHARS || p.similarity() >= STRONG_SIMILARITY)
                    : shared >= MIN_SHARED && chars >= FIRST_MIN_CHARS)
                    // but a long message sharing a word or two with the entry and not much like it asks something else
                    // ("基金的成立日期" is not 基金赎回多久到账, "我那个基金提了3万多 能不能加速" not 风险测评)
                    && (coverage >= FIRST_MIN_COVERAGE || !(p.similarity() < FIRST_MIN_SIMILARITY));
            if ((enough || firstRanked) && troubleAnswered && score > bestScore) {
                best = new Pick(i + 1, p, sentences(question, q, text));
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The best sentence and, when they also bear on the question, its neighbours, in their order, capped. The best
     * shares the most words with the question, and holding the kind of figure asked (a period for 多久, an amount
     * for 多少钱, the range holding the time asked) counts as two more.
     */
    private static String sentences(String question, Set<String> q, String text) {
        List<String> all = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text.strip());
        while (m.find()) {
            if (!m.group().isBlank()) all.add(m.group().strip());
        }
        if (all.size() <= 2 || text.length() <= MAX_CHARS) {
            return text.strip();
        }
        int best = 0;
        int bestShared = -1;
        for (int i = 0; i < all.size(); i++) {
            int s = shared(q, bigrams(content(all.get(i)))) + (AskedFor.holdsFigureAsked(question, all.get(i)) ? 2 : 0);
            if (s > bestShared) {
                best = i;
                bestShared = s;
            }
        }
        StringBuilder out = new StringBuilder(all.get(best));
        for (int i = best + 1; i < all.size() && out.length() + all.get(i).length() <= MAX_CHARS; i++) {
            out.append(all.get(i));
        }
        return out.toString();
    }

    /** FAQ passages are stored as "问：…\n答：…": the answer is what a customer should read. */
    private static String answerPart(String text) {
        int a = text.indexOf("答：");
        return text.startsWith("问：") && a > 0 ? text.substring(a + 2).strip() : text;
    }

    private static String questionPart(String text) {
        int a = text.indexOf("答：");
        return text.startsWith("问：") && a > 0 ? text.substring(2, a) : "";
    }

    /** The last heading of a path ("基金理财与风险揭示 > 基金申购与赎回" → 基金申购与赎回). */
    private static String section(String headingPath) {
        String h = headingPath == null ? "" : headingPath;
        int at = h.lastIndexOf(" > ");
        return at < 0 ? h : h.substring(at + 3);
    }

    static String content(String text) {
        // a time of day is matched to ranges (AskedFor.holdsTimeAsked), not as words
        String t = CLOCK_TIME.matcher(text == null ? "" : text).replaceAll(" ");
        t = NOT_HAN_OR_WORD.matcher(t).replaceAll(" ");
        return FILLER.matcher(t).replaceAll(" ");
    }

    private static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        for (String part : text.toLowerCase(java.util.Locale.ROOT).split(" +")) {
            // a lone character left between fillers carries too little to match on
            if (part.length() < 2) {
                continue;
            }
            for (int i = 0; i + 2 <= part.length(); i++) {
                out.add(part.substring(i, i + 2));
            }
        }
        return out;
    }

    private static double charCoverage(String question, String passage) {
        Set<Integer> q = new HashSet<>();
        content(question).codePoints().filter(Character::isIdeographic).forEach(q::add);
        if (q.isEmpty()) return 0;
        Set<Integer> p = new HashSet<>();
        passage.codePoints().forEach(p::add);
        return q.stream().filter(p::contains).count() / (double) q.size();
    }

    /**
     * The question's bigrams the passage has, a homophone counting as the word (手序费 → 手续费: customers type by
     * pinyin, and a typo is most often a homophone of the word meant).
     */
    private static int shared(Set<String> q, Set<String> p) {
        int n = 0;
        Set<String> sounds = null;
        for (String b : q) {
            if (p.contains(b)) {
                n++;
            } else if (b.codePoints().allMatch(Character::isIdeographic)) {
                if (sounds == null) {
                    sounds = new HashSet<>();
                    for (String w : p) sounds.add(Sounds.of(w));
                }
                if (sounds.contains(Sounds.of(b))) n++;
            }
        }
        return n;
    }
}
