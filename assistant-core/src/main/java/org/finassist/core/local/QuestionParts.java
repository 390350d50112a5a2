package org.finassist.core.local;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The questions in one customer message. Customers ask two things at once ("基金赎回多久到账 要手续费吗", "佣金多少
 * 印花税怎么收"), separated by a space or a comma rather than a question mark; a person answers both. A fragment without
 * a question word ("我账户里剩了三十几股零股") is the context of the question after it, and a later question that names
 * no thing of its own ("要手续费吗") is read with the first question's topic ("基金赎回").
 */
final class QuestionParts {

    /**
     * One question: what it asks, the fragments before it ({@code context}) and, for a later question naming no thing
     * of its own, the first question's topic (else blank).
     */
    record Part(String asked, String context, String topic) {
        /** The text matching uses: topic and context first, then the question. */
        String withContext() {
            return (topic + " " + context + " " + asked).strip();
        }
    }

    private static final Pattern SPLIT = Pattern.compile("[\\s，,。！!；;]+|(?<=[？?])");
    /** Words and marks by which a fragment asks something. */
    private static final Pattern ASKS = Pattern.compile("[吗呢么嘛？?]|多少|几[点号天个次时]|怎么|怎样|咋|什么|啥|哪|多久|多长|如何|是否|为何"
            + "|(\\p{IsHan})不\\1|不$|没$|有没有|要不要|会不会|是不是|行不行|可不可以");
    /** A fragment this short is never a question of its own ("对", "那个"). */
    private static final int MIN_CHARS = 3;

    private QuestionParts() {
    }

    /** Two or more questions with their context, or an empty list when the message asks one thing. */
    static List<Part> of(String message) {
        List<String> questions = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String f : SPLIT.split(message == null ? "" : message.strip())) {
            String fragment = f.strip();
            if (fragment.isEmpty()) continue;
            if (fragment.codePointCount(0, fragment.length()) >= MIN_CHARS && ASKS.matcher(fragment).find()) {
                questions.add(fragment);
                contexts.add(pending.toString().strip());
                pending.setLength(0);
            } else {
                pending.append(' ').append(fragment);
            }
        }
        if (questions.size() < 2) {
            return List.of();
        }
        String topic = AskedFor.topicOf(questions.get(0));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            boolean borrows = i > 0 && !AskedFor.namesThing(questions.get(i));
            parts.add(new Part(questions.get(i), contexts.get(i), borrows ? topic : ""));
        }
        // words after the last question ("…吗 我想借点") belong to it
        if (!pending.isEmpty()) {
            Part last = parts.removeLast();
            parts.add(new Part(last.asked() + pending, last.context(), last.topic()));
        }
        return List.copyOf(parts);
    }
}
