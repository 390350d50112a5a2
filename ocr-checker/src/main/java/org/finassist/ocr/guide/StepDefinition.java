package org.finassist.ocr.guide;

import java.util.List;
import java.util.Optional;

/** One step of the opening flow: its id, Chinese title, a hint on what to prepare, fields and cross-field rules. */
public record StepDefinition(String id, String title, String hint, List<FieldSpec> fields, List<StepRule> rules) {

    public StepDefinition {
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
