package org.finassist.dh.simulator;

import java.util.List;
import java.util.Map;

/**
 * How a simulated customer answers. Each step's answers are tried in order (a re-asked question gets the next
 * one; the last repeats). A step is recognised from the question's words, as a customer would.
 */
public enum Persona {
    COOPERATIVE(Map.of()),
    /** Unclear first, then clear: a hesitant customer the engine must re-ask. */
    HESITANT(Map.of("name", List.of("啊？", "我叫{name}"), "voluntary", List.of("不是不愿意", "是的"),
            "risk", List.of("应该是吧", "清楚了"))),
    /** Says no to the voluntary question: must be escalated. */
    REFUSING(Map.of("voluntary", List.of("我不愿意，是别人让我开的"))),
    /** ASR noise: homophones, numerals read out, spaces and punctuation, one wrong character read aloud. */
    NOISY(Map.of("name", List.of("我叫 {name}。"), "id-number", List.of("{idSpoken}"), "show-id", List.of("嗯嗯"),
            "voluntary", List.of("四的"), "own-operation", List.of("恩，是我自己"), "no-lending", List.of("木有"),
            "no-promise", List.of("没有没有"), "read-aloud", List.of("{confirmationNoisy}")));

    static final Map<String, String> COOPERATIVE_ANSWERS = Map.of("name", "我叫{name}", "id-number", "{idSuffix}",
            "show-id", "好了", "voluntary", "是的", "risk", "清楚", "own-operation", "是我本人", "no-lending", "不会",
            "no-promise", "没有", "read-aloud", "{confirmation}");

    private final Map<String, List<String>> overrides;

    Persona(Map<String, List<String>> overrides) {
        this.overrides = overrides;
    }

    /** The answer template for the {@code attempt}-th time (0-based) this step is asked. */
    String answer(String step, int attempt) {
        List<String> answers = overrides.get(step);
        if (answers == null) {
            return COOPERATIVE_ANSWERS.get(step);
        }
        return answers.get(Math.min(attempt, answers.size() - 1));
    }

    /** Which step a spoken question belongs to, or null for talk that needs no answer. */
    static String stepOf(String question) {
        if (question.contains("姓名")) {
            return "name";
        } else if (question.contains("身份证号码")) {
            return "id-number";
        } else if (question.contains("摄像头")) {
            return "show-id";
        } else if (question.contains("自愿")) {
            return "voluntary";
        } else if (question.contains("风险揭示书")) {
            return "risk";
        } else if (question.contains("密码")) {
            return "own-operation";
        } else if (question.contains("出借")) {
            return "no-lending";
        } else if (question.contains("承诺")) {
            return "no-promise";
        } else if (question.contains("朗读")) {
            return "read-aloud";
        }
        return "other";
    }
}
