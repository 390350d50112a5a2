package org.finassist.dh.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a spoken Chinese answer to a yes/no question. Negators scope over the next predicate and over a
 * copula (不是不愿意 is two negations of 愿意), so a double negation is recognised rather than read as "no"; it is
 * {@link Verdict#UNCLEAR} because a witness needs an unequivocal answer. Stateless and thread-safe.
 */
public final class AnswerClassifier {

    private static final java.util.regex.Pattern REPETITION = java.util.regex.Pattern.compile("(.{1,3}?)\\1+");

    public Classification classify(String asrText) {
        String text = aliased(Normalizer.normalize(asrText == null ? "" : asrText, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT));
        Scan scan = new Scan();
        scan.question = text.indexOf('?') >= 0;
        for (String clause : clauses(text)) {
            scanClause(clause, scan);
        }
        return scan.verdict();
    }

    private static String aliased(String text) {
        String out = text;
        for (Map.Entry<java.util.regex.Pattern, String> alias : Lexicon.ALIASES) {
            out = alias.getKey().matcher(out).replaceAll(alias.getValue());
        }
        return out;
    }

    private static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
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
            String clause = REPETITION.matcher(current).replaceAll("$1");
            clauses.add(Lexicon.CLAUSE_ALIASES.getOrDefault(clause, clause));
            current.setLength(0);
        }
    }

    private static void scanClause(String clause, Scan scan) {
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
                scan.unknown++;
                i++;
                continue;
            }
            scan.accept(kind);
            i += length;
        }
        scan.endClause();
    }

    /** Running state of one answer: pending negations and copula within a clause, emissions across clauses. */
    private static final class Scan {
        int negations;
        boolean copulaPending;
        boolean question;
        boolean whQuestion;
        /** Characters outside the lexicon: a yes/no question with real content (开户要收费吗) is not an echo (是吗). */
        int unknown;
        boolean hedge;
        boolean repeat;
        boolean thirdParty;
        boolean doubleNegation;
        boolean weakPositive;
        int positives;
        int negatives;

        void accept(Lexicon.Kind kind) {
            switch (kind) {
                case NEGATOR -> negations++;
                case COPULA -> copulaPending = true;
                case POSITIVE -> emit(1);
                case NEGATIVE_PREDICATE -> emit(-1);
                case WEAK_POSITIVE -> {
                    if (negations == 0) {
                        weakPositive = true;
                    } else {
                        emit(1);
                    }
                }
                case HEDGE -> hedge = true;
                case REPEAT -> repeat = true;
                case QUESTION -> question = true;
                case WH_QUESTION -> whQuestion = true;
                case THIRD_PARTY -> thirdParty = true;
                case BOUNDARY -> endClause();
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
            if (negations > 0 || copulaPending) {
                emit(1);
            }
        }

        Classification verdict() {
            if (repeat) {
                return new Classification(Verdict.UNCLEAR, "asked to repeat");
            }
            if (hedge) {
                return new Classification(Verdict.UNCLEAR, "hedged answer");
            }
            if (doubleNegation) {
                return new Classification(Verdict.UNCLEAR, "double negation");
            }
            if (whQuestion || (question && unknown >= 3)) {
                return new Classification(Verdict.QUESTION, "customer asked a question");
            }
            boolean answered = positives + negatives > 0;
            if (question) {
                return answered ? new Classification(Verdict.UNCLEAR, "answered with a question")
                        : new Classification(Verdict.QUESTION, "customer asked a question");
            }
            if (positives > 0 && negatives > 0 && thirdParty) {
                return new Classification(Verdict.NEGATIVE, "negative answer involving another person");
            }
            if (positives > 0 && negatives > 0) {
                return new Classification(Verdict.UNCLEAR, "contradictory answer");
            }
            if (negatives > 0) {
                return new Classification(Verdict.NEGATIVE, "negative answer");
            }
            if (positives > 0 || weakPositive) {
                return thirdParty ? new Classification(Verdict.UNCLEAR, "mentions another person")
                        : new Classification(Verdict.AFFIRMATIVE, positives > 0 ? "affirmative answer" : "interjection");
            }
            return new Classification(Verdict.UNCLEAR, "no answer recognised");
        }
    }
}
