package org.finassist.core.handoff;

import org.finassist.core.guardrail.PhraseList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from one customer message whether it goes to a person and why (see {@code handoff-rules.txt}). A trigger
 * is dropped only where a look-alike rule of the same reason covers it, so a question that mentions a complaint
 * ("投诉渠道在哪") is answered while "我要投诉！投诉电话多少" is handed off. Thread-safe.
 */
public final class HandoffDetector {

    public static final String DEFAULT_RESOURCE = "org/finassist/core/handoff/handoff-rules.txt";
    private static final HandoffReason[] ORDER = {HandoffReason.FRAUD, HandoffReason.DISTRESS, HandoffReason.COMPLAINT,
            HandoffReason.EXPLICIT};

    private record Rules(List<Pattern> triggers, List<Pattern> lookAlikes) {
    }

    private final Map<HandoffReason, Rules> rules = new EnumMap<>(HandoffReason.class);

    public HandoffDetector() {
        this(PhraseList.load(DEFAULT_RESOURCE));
    }

    public HandoffDetector(PhraseList list) {
        for (HandoffReason r : ORDER) {
            String name = r.name();
            rules.put(r, new Rules(patterns(list, name), patterns(list, name + "_NOT")));
        }
    }

    private static List<Pattern> patterns(PhraseList list, String code) {
        return list.entries().stream().filter(e -> e.code().equals(code)).map(e -> Pattern.compile(e.phrase())).toList();
    }

    /** The strongest reason this message goes to a person, or empty. */
    public Optional<HandoffReason> detect(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String text = message.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        for (HandoffReason r : ORDER) {
            if (triggered(rules.get(r), text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean triggered(Rules r, String text) {
        List<int[]> covered = new ArrayList<>();
        for (Pattern p : r.lookAlikes()) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                covered.add(new int[]{m.start(), m.end()});
            }
        }
        for (Pattern p : r.triggers()) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (covered.stream().noneMatch(c -> c[0] < e && s < c[1])) {
                    return true;
                }
            }
        }
        return false;
    }
}
