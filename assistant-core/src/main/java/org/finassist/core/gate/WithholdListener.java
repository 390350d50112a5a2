package org.finassist.core.gate;

/** Told about every withheld sentence, for the meter per route and rule and the audit table. Thread-safe. */
@FunctionalInterface
public interface WithholdListener {

    WithholdListener NONE = w -> { };

    void withheld(Withhold withhold);
}
