package org.finassist.ocr.guide;

import java.util.List;
import java.util.Map;

/** A check across the fields of one step, run after every field passed its own rules. */
@FunctionalInterface
public interface StepRule {

    List<Problem> check(Map<String, String> values, OpeningContext ctx);
}
