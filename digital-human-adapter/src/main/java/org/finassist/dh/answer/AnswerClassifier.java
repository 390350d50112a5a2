package org.finassist.dh.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies a spoken Chinese answer to a yes/no question, sentence by sentence. The answer is the first clause
 * that takes a position (its head); later clauses elaborate it ("是的，我已经阅读并理解了风险揭示，知道可能会损失本金")
 * and only a bare opposite answer ("会……不会") or an opposite clause after a contrast (但是, 不过) contradicts it.
 * A hedge makes the answer unclear only when it scopes over the head (应该是吧, 大概知道), not when it sits inside
 * content the customer repeats from the question (可能会损失本金). Negators scope over the next predicate and over a
 * copula, so a double negation (不是不愿意) is recognised rather than read as "no"; it is {@link Verdict#UNCLEAR}
 * because a witness needs an unequivocal answer. Stateless and thread-safe.
 */
public final class AnswerClassifier {

    private static final Pattern REPETITION = Pattern.compile("(.{1,3}?)\\1+");
    /** An A-not-A question (借不借, 管不管) asks, it does not answer "no"; 是不是 and the like are in the lexicon. */
    private static final Pattern A_NOT_A = Pattern.compile("(\\p{IsHan})[不没]\\1");

    public Classification classify(String asrText) {
        List<Clause> clauses = new ArrayList<>();
        for (String text : clauses(normalized(asrText))) {
            clauses.add(Clause.scan(text));
        }
        return verdict(clauses);
    }

    /** NFKC, lower case, dialect and ASR aliases applied: the form both the classifier and risk scan read. */
    static String normalized(String asrText) {
        String text = Normalizer.normalize(asrText == null ? "" : asrText, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> alias : Lexicon.ALIASES) {
            text = alias.getKey().matcher(text).replaceAll(alias.getValue());
        }
        return text;
    }

    static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '?' && !current.isEmpty()) {
                current.append('吗'); // a spoken question mark is a question particle (正面还是反面？)
            }
            if (Texts.isSeparator(cp)) {
                flush(current, clauses);
            } else {
                current.appendCodePoint(cp);
            }
        });
        flush(current, clauses);
        return clauses;
    }

    private static void flush(StringBuilder current, List<String> clauses) {
        if (!current.isEmpty()) {
            // emphatic repetition (没有没有, 不是不是, 对对对) is one answer, not a double negation
            String clause = aNotA(REPETITION.matcher(current).replaceAll("$1"));
            clauses.add(Lexicon.CLAUSE_ALIASES.getOrDefault(clause, clause));
            current.setLength(0);
        }
    }

    private static String aNotA(String clause) {
        return A_NOT_A.matcher(clause).replaceAll(m -> Lexicon.WORDS.containsKey(m.group()) ? m.group()
                : m.group(1) + "吗");
    }

    private static Classification verdict(List<Clause> clauses) {
        if (clauses.stream().anyMatch(c -> c.repeat)) {
            return new Classification(Verdict.UNCLEAR, "asked to repeat");
        }
        if (clauses.stream().anyMatch(c -> c.refusal)) {
            return new Classification(Verdict.UNCLEAR, "refused to answer");
        }
        // a leading 嗯 is filler when a later clause says something (嗯……这个怎么说呢)
        Clause head = clauses.stream().filter(Clause::takesPosition).findFirst()
                .or(() -> clauses.stream().filter(c -> c.weakPositive).findFirst()).orElse(null);
        if (head == null) {
            return unanswered(clauses);
        }
        if (head.whQuestion || (head.question && head.unknown >= 3)) {
            return new Classification(Verdict.QUESTION, "customer asked a question");
        }
        if (head.question) {
            return head.positives + head.negatives > 0
                    ? new Classification(Verdict.UNCLEAR, "answered with a question")
                    : new Classification(Verdict.QUESTION, "customer asked a question");
        }
        if (head.doubleNegation) {
            return new Classification(Verdict.UNCLEAR, "double negation");
        }
        if (head.hedgedBeforePosition || clauses.stream().anyMatch(Clause::bareHedge)) {
            return new Classification(Verdict.UNCLEAR, "hedged answer");
        }
        int polarity = head.polarity();
        if (polarity == 0) {
            return new Classification(Verdict.UNCLEAR, "contradictory answer");
        }
        boolean contrast = false;
        for (Clause c : clauses.subList(clauses.indexOf(head) + 1, clauses.size())) {
            contrast |= c.contrast;
            int p = c.polarity();
            if (p == -polarity && (c.bare() || contrast)) {
                return new Classification(Verdict.UNCLEAR, "contradictory answer");
            }
        }
        if (polarity < 0) {
            return new Classification(Verdict.NEGATIVE, "negative answer");
        }
        if (head.thirdParty) {
            return new Classification(Verdict.UNCLEAR, "mentions another person");
        }
        return head.positives > 0 ? new Classification(Verdict.AFFIRMATIVE, "affirmative answer")
                : new Classification(Verdict.AFFIRMATIVE, "interjection", true);
    }

    private static Classification unanswered(List<Clause> clauses) {
        boolean wh = clauses.stream().anyMatch(c -> c.whQuestion);
        boolean question = clauses.stream().anyMatch(c -> c.question);
        int unknown = clauses.stream().mapToInt(c -> c.unknown).sum();
        if (wh || (question && unknown >= 3)) {
            return new Classification(Verdict.QUESTION, "customer asked a question");
        }
        if (question) {
            return new Classification(Verdict.QUESTION, "customer asked a question");
        }
        if (clauses.stream().anyMatch(c -> c.hedge)) {
            return new Classification(Verdict.UNCLEAR, "hedged answer");
        }
        return new Classification(Verdict.UNCLEAR, "no answer recognised");
    }

    /** What one clause says: its polar emissions and the flags that qualify them. */
    private static final class Clause {
        int negations;
        boolean copulaPending;
        boolean question;
        boolean whQuestion;
        /** Characters outside the lexicon: a yes/no question with real content (开户要收费吗) is not an echo (是吗). */
        int unknown;
        boolean hedge;
        boolean hedgedBeforePosition;
        boolean repeat;
        boolean thirdParty;
        boolean doubleNegation;
        boolean weakPositive;
        boolean contrast;
        boolean refusal;
        boolean intensifier;
        /** Content heard since a pending copula: a new negator then starts a new predicate (不会出借也不会出租). */
        boolean contentSinceCopula;
        int positives;
        int negatives;

        static Clause scan(String raw) {
            Clause c = new Clause();
            String clause = Lexicon.ECHOED_CONTENT.matcher(raw).replaceAll("");
            int i = 0;
            while (i < clause.length()) {
                int length = Math.min(Lexicon.LONGEST, clause.length() - i);
                Lexicon.Kind kind = null;
                for (; length > 0; length--) {
                    kind = Lexicon.WORDS.get(clause.substring(i, i + length));
                    if (kind != null) {
                        break;
                    }
                }
                if (kind == null) {
                    c.unknown++;
                    c.contentSinceCopula = c.copulaPending;
                    i++;
                    continue;
                }
                c.accept(kind, i == 0);
                i += length;
            }
            c.endClause();
            return c;
        }

        boolean takesPosition() {
            return positives + negatives > 0 || question || whQuestion;
        }

        /** 可能吧, 差不多: a clause that is nothing but a hedge qualifies the whole answer (可能吗 is rhetorical). */
        boolean bareHedge() {
            return hedge && positives + negatives == 0 && unknown <= 1 && !question;
        }

        /** Only answer words, no content: 会, 不会, 是的. */
        boolean bare() {
            return unknown == 0 && !thirdParty;
        }

        int polarity() {
            if (positives > 0 && negatives > 0) {
                return 0;
            }
            return negatives > 0 ? -1 : (positives > 0 || weakPositive ? 1 : 0);
        }

        void accept(Lexicon.Kind kind, boolean first) {
            switch (kind) {
                case NEGATOR -> {
                    if (copulaPending && contentSinceCopula) {
                        emit(1);
                    }
                    negations++;
                }
                case COPULA -> {
                    copulaPending = true;
                    contentSinceCopula = false;
                }
                case INTENSIFIER -> intensifier = true;
                case PARTICLE -> { }
                case REFUSAL -> refusal = true;
                case POSITIVE -> emit(1);
                case NEGATIVE_PREDICATE -> emit(-1);
                case NEGATIVE_ANSWER -> {
                    negations = 0;
                    emit(-1);
                }
                case WEAK_POSITIVE -> {
                    if (negations == 0) {
                        weakPositive = true;
                    } else {
                        emit(1);
                    }
                }
                case HEDGE -> {
                    hedge = true;
                    if (positives + negatives == 0) {
                        hedgedBeforePosition = true;
                    }
                }
                case REPEAT -> repeat = true;
                case QUESTION -> question = true;
                case WH_QUESTION -> whQuestion = true;
                case THIRD_PARTY -> thirdParty = true;
                case BOUNDARY -> {
                    endClause();
                    contrast |= first || positives + negatives == 0;
                }
            }
        }

        void emit(int base) {
            if (negations >= 2) {
                doubleNegation = true;
            }
            int polarity = negations % 2 == 0 ? base : -base;
            if (polarity > 0) {
                positives++;
            } else {
                negatives++;
            }
            negations = 0;
            copulaPending = false;
        }

        void endClause() {
            if (negations > 0 || copulaPending || (intensifier && positives + negatives == 0)) {
                emit(1);
            }
        }
    }
}
