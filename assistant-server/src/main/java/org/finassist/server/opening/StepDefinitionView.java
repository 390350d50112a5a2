package org.finassist.server.opening;

import java.util.List;
import org.finassist.ocr.guide.FieldSpec;
import org.finassist.ocr.guide.StepDefinition;

/** A step as the widget renders it: id, title, hint, and its fields' names, labels and whether they are required. */
record StepDefinitionView(String id, String title, String hint, List<Field> fields) {

    record Field(String name, String label, boolean required) {
    }

    static StepDefinitionView of(StepDefinition s) {
        return new StepDefinitionView(s.id(), s.title(), s.hint(),
                s.fields().stream().map((FieldSpec f) -> new Field(f.name(), f.label(), f.required())).toList());
    }
}
