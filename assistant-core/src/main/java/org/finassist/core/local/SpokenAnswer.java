package org.finassist.core.local;

import org.finassist.core.chat.Grounding;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An answer a digital human can say aloud, from a question's knowledge-base grounding and without a model: the curated
 * FAQ answer when the entry asks the same thing, else the sentences of the one passage that answers
 * ({@link AnswerPicker}); empty when nothing retrieved answers, so the caller defers instead of reading out loosely
 * related text. {@link #speakable} strips what cannot be spoken (Markdown, links, citation marks) and keeps it short.
 */
public final class SpokenAnswer {

    /** About 25 seconds of speech: an off-script answer is a short aside, the script resumes after it. */
    public static final int MAX_CHARS = 120;

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern CITATION = Pattern.compile("\\[\\d+(?:[,，]\\s*\\d+)*]|【\\d+】");
    private static final Pattern MARKUP = Pattern.compile("(?m)^\\s*(?:#{1,6}\\s*|>\\s*|[-*+]\\s+|\\d+[.)]\\s+)|[*_`~]+");
    private static final Pattern BREAKS = Pattern.compile("\\s*\\n+\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；]");

    private SpokenAnswer() {
    }

    /** The spoken answer the knowledge base gives to {@code question}, or empty when nothing retrieved answers it. */
    public static Optional<String> from(String question, Grounding grounding) {
        String text = grounding.directAnswer() != null ? answerPart(grounding.directAnswer())
                : AnswerPicker.pick(question, grounding.passages()).map(AnswerPicker.Pick::answer).orElse(null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String spoken = speakable(text);
        return spoken.isBlank() ? Optional.empty() : Optional.of(spoken);
    }

    /** Plain sentences without Markdown, links or citation marks, cut at a sentence end within {@link #MAX_CHARS}. */
    public static String speakable(String text) {
        String t = LINK.matcher(text).replaceAll("$1");
        t = URL.matcher(t).replaceAll("");
        t = CITATION.matcher(t).replaceAll("");
        t = MARKUP.matcher(t).replaceAll("");
        t = BREAKS.matcher(t.strip()).replaceAll("。").replace("。。", "。")
                .replaceAll("[ \t]{2,}", " ").strip();
        if (t.length() <= MAX_CHARS) {
            return t;
        }
        int cut = -1;
        var m = SENTENCE_END.matcher(t);
        while (m.find() && m.end() <= MAX_CHARS) {
            cut = m.end();
        }
        // one long sentence: cut at the last comma rather than mid-word
        if (cut < 0) {
            cut = Math.max(t.lastIndexOf('，', MAX_CHARS), MAX_CHARS / 2);
            return t.substring(0, cut) + "。";
        }
        return t.substring(0, cut);
    }

    private static String answerPart(String text) {
        int a = text.indexOf("答：");
        return text.startsWith("问：") && a > 0 ? text.substring(a + 2).strip() : text.strip();
    }
}
