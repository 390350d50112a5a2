package org.finassist.content.commentary;

import org.finassist.core.guardrail.Guardrail;
import org.finassist.core.guardrail.GroundingContext;
import org.finassist.core.guardrail.GuardrailResult;
import org.finassist.core.guardrail.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a narration for a digital human: one segment per sentence at {@link #CHARS_PER_SECOND}, with a caption
 * of at most {@link #CAPTION_CHARS} characters; a script must last {@link #MIN_SECONDS}–{@link #MAX_SECONDS} s.
 */
final class VideoScripts {

    static final double CHARS_PER_SECOND = 4.5;
    static final int CAPTION_CHARS = 18;
    static final int MIN_SECONDS = 30;
    static final int MAX_SECONDS = 60;

    private VideoScripts() {
    }

    static List<VideoSegment> segments(String narration) {
        List<VideoSegment> out = new ArrayList<>();
        int t = 0;
        for (String sentence : narration.split("(?<=[。！？!?])")) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            int seconds = Math.max(1, (int) Math.ceil(s.length() / CHARS_PER_SECOND));
            out.add(new VideoSegment(t, t + seconds, s, caption(s)));
            t += seconds;
        }
        return out;
    }

    static int seconds(List<VideoSegment> segments) {
        return segments.isEmpty() ? 0 : segments.getLast().end();
    }

    private static String caption(String sentence) {
        String first = sentence.split("[，,；;。！？!?]")[0];
        if (first.length() <= CAPTION_CHARS) {
            return first;
        }
        // never cut through a figure: a caption showing 12058.4 of 12058.44 would misstate it
        int end = CAPTION_CHARS - 1;
        while (end > 0 && isFigure(first.charAt(end - 1)) && isFigure(first.charAt(end))) {
            end--;
        }
        while (end > 0 && isFigure(first.charAt(end - 1))) {
            end--;
        }
        return first.substring(0, end) + "…";
    }

    private static boolean isFigure(char c) {
        return Character.isDigit(c) || c == '.' || c == '%';
    }

    /** Rejects a narration that would run shorter or longer than the slot a short video has. */
    static final class LengthCheck implements Guardrail {

        @Override
        public String name() {
            return "video-length";
        }

        @Override
        public GuardrailResult check(String text, GroundingContext context) {
            int s = seconds(segments(text));
            return s >= MIN_SECONDS && s <= MAX_SECONDS ? GuardrailResult.pass()
                    : new GuardrailResult(List.of(new Violation(name(), "VIDEO_LENGTH", "",
                    "narration lasts " + s + " s, needs " + MIN_SECONDS + "-" + MAX_SECONDS + " s")));
        }
    }
}
