package org.finassist.core.guardrail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a complete published text: the AI-generated label and the risk disclaimer are present and at least one
 * data date from the context is stated (as {@code 2024-09-19} or {@code 2024年9月19日}).
 */
public final class DisclosureGuardrail implements Guardrail {

    public static final String NAME = "disclosure";

    private final Disclosure disclosure;

    public DisclosureGuardrail(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GuardrailResult check(String text, GroundingContext context) {
        List<Violation> violations = new ArrayList<>();
        if (!text.contains(disclosure.aigcLabel())) {
            violations.add(new Violation(NAME, "MISSING_AIGC_LABEL", "", "label '" + disclosure.aigcLabel() + "' missing"));
        }
        if (!text.contains(disclosure.disclaimer())) {
            violations.add(new Violation(NAME, "MISSING_DISCLAIMER", "", "risk disclaimer missing"));
        }
        if (context.dates().stream().noneMatch(d -> statesDate(text, d))) {
            violations.add(new Violation(NAME, "MISSING_DATA_DATE", "", "no data date stated"));
        }
        return new GuardrailResult(violations);
    }

    private static boolean statesDate(String text, LocalDate date) {
        return text.contains(date.format(DateTimeFormatter.ISO_LOCAL_DATE))
                || text.contains(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
    }
}
