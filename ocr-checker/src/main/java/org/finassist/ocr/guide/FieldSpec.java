package org.finassist.ocr.guide;

import java.util.List;

/**
 * One input of a step.
 *
 * @param name      stable key, e.g. {@code mobile}
 * @param label     Chinese label shown to the customer
 * @param required  whether the step needs it
 * @param rules     checks applied in order; the first problem is reported
 * @param exposure  how the value may be kept and echoed back
 */
public record FieldSpec(String name, String label, boolean required, List<FieldRule> rules, Exposure exposure) {

    /** Personal data is stored but echoed masked; secrets (passwords, SMS codes) are never stored. */
    public enum Exposure { PLAIN, PERSONAL, SECRET }

    public FieldSpec {
        rules = List.copyOf(rules);
    }

    static FieldSpec plain(String name, String label, FieldRule... rules) {
        return new FieldSpec(name, label, true, List.of(rules), Exposure.PLAIN);
    }

    static FieldSpec optional(String name, String label, FieldRule... rules) {
        return new FieldSpec(name, label, false, List.of(rules), Exposure.PLAIN);
    }

    static FieldSpec personal(String name, String label, FieldRule... rules) {
        return new FieldSpec(name, label, true, List.of(rules), Exposure.PERSONAL);
    }

    static FieldSpec secret(String name, String label, FieldRule... rules) {
        return new FieldSpec(name, label, true, List.of(rules), Exposure.SECRET);
    }
}
