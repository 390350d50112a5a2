package org.finassist.server.funnel;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.ocr.guide.StepDefinition;

/**
 * The guide's steps by position, as the funnel stores them ({@code step_index}), with the English names operators
 * read on the screen (the guide's own titles are the customer's Chinese).
 */
record StepCatalog(List<String> ids, List<String> titles) {

    private static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("phone", "Phone verification"),
            Map.entry("idCard", "ID card photos"), Map.entry("personal", "Personal details"),
            Map.entry("occupation", "Occupation and tax residency"), Map.entry("bankCard", "Bank card"),
            Map.entry("riskQuestionnaire", "Risk questionnaire"), Map.entry("suitability", "Suitability"),
            Map.entry("agreements", "Agreements"), Map.entry("password", "Passwords"),
            Map.entry("videoWitness", "Video witness"), Map.entry("submission", "Submission"));

    StepCatalog {
        ids = List.copyOf(ids);
        titles = List.copyOf(titles);
    }

    static StepCatalog of(OpeningSteps steps) {
        List<String> ids = steps.steps().stream().map(StepDefinition::id).toList();
        return new StepCatalog(ids, ids.stream().map(id -> ENGLISH.getOrDefault(id, id)).toList());
    }

    int size() {
        return ids.size();
    }

    OptionalInt index(String stepId) {
        return IntStream.range(0, ids.size()).filter(i -> ids.get(i).equals(stepId)).findFirst();
    }

    String id(int index) {
        return ids.get(index);
    }
}
