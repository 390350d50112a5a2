package org.finassist.ocr.guide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finassist.ocr.privacy.Masking;

/**
 * The state of one prospect's opening: values per step, which steps are done, and what the ID card said. Steps
 * are done in order; an earlier step resubmitted with problems locks the later ones until it is fixed. Not
 * thread-safe: one
 * request at a time per session (the server serialises by session id). Persist it with {@link #snapshot()}.
 */
public final class OpeningSession implements OpeningContext {

    private static final String DONE = "done.";
    private static final String ID_NAME = "card.name";
    private static final String ID_NUMBER = "card.idNumber";

    private final OpeningSteps steps;
    private final Map<String, String> data;

    public OpeningSession(OpeningSteps steps) {
        this(steps, Map.of());
    }

    private OpeningSession(OpeningSteps steps, Map<String, String> data) {
        this.steps = steps;
        this.data = new LinkedHashMap<>(data);
    }

    /** Restores a session from {@link #snapshot()}. */
    public static OpeningSession restore(OpeningSteps steps, Map<String, String> snapshot) {
        return new OpeningSession(steps, snapshot);
    }

    /** Everything needed to restore the session; contains personal data (never secrets). */
    public Map<String, String> snapshot() {
        return Map.copyOf(data);
    }

    /** Records what an accepted ID photo said; called by the photo check, not by the customer. */
    public void recordIdCardFront(String name, String idNumber) {
        data.put(ID_NAME, name);
        data.put(ID_NUMBER, idNumber);
        data.put("idCard.frontAccepted", "true");
        resubmitIdCard();
    }

    /** Records that the emblem side passed its check. */
    public void recordIdCardBack() {
        data.put("idCard.backAccepted", "true");
        resubmitIdCard();
    }

    private void resubmitIdCard() {
        submit("idCard", Map.of("frontAccepted", data.getOrDefault("idCard.frontAccepted", "false"),
                "backAccepted", data.getOrDefault("idCard.backAccepted", "false")));
    }

    /** The first step not done, empty when every step is. */
    public Optional<StepDefinition> currentStep() {
        return steps.steps().stream().filter(s -> !done(s.id())).findFirst();
    }

    /** Validates and stores a step's fields; the step is done when there are no problems. */
    public StepState submit(String stepId, Map<String, String> fields) {
        StepDefinition step = step(stepId);
        Optional<StepDefinition> blocker = firstUndoneBefore(step);
        if (blocker.isPresent()) {
            return locked(step, blocker.get());
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (FieldSpec f : step.fields()) {
            String v = fields.get(f.name());
            String value = v == null ? "" : v.strip();
            checkField(step, f, value).ifPresentOrElse(problems::add, () -> values.put(f.name(), value));
        }
        if (problems.isEmpty()) {
            step.rules().forEach(r -> problems.addAll(r.check(values, this)));
        }
        store(step, values, problems.isEmpty());
        return state(step, problems);
    }

    /** Checks one field as it is typed, without storing anything. */
    public List<Problem> validateField(String stepId, String field, String value) {
        StepDefinition step = step(stepId);
        FieldSpec spec = step.field(field).orElseThrow(() -> new IllegalArgumentException("unknown field " + field));
        return checkField(step, spec, value == null ? "" : value.strip()).map(List::of).orElse(List.of());
    }

    public List<StepState> states() {
        return steps.steps().stream().map(s -> state(s, List.of())).toList();
    }

    public StepState state(String stepId) {
        return state(step(stepId), List.of());
    }

    private Optional<Problem> checkField(StepDefinition step, FieldSpec f, String value) {
        if (value.isEmpty()) {
            return f.required() ? Optional.of(new Problem(f.name(), "REQUIRED", "请填写" + f.label() + "。",
                    "“" + f.label() + "”为必填项。")) : Optional.empty();
        }
        for (FieldRule rule : f.rules()) {
            Optional<Problem> p = rule.check(f.name(), value, this);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private void store(StepDefinition step, Map<String, String> values, boolean ok) {
        for (FieldSpec f : step.fields()) {
            String key = step.id() + "." + f.name();
            String v = values.get(f.name());
            if (v == null || f.exposure() == FieldSpec.Exposure.SECRET) {
                data.remove(key);
            } else {
                data.put(key, v);
            }
        }
        if (ok) {
            data.put(DONE + step.id(), "true");
        } else {
            data.remove(DONE + step.id());
        }
    }

    private StepState state(StepDefinition step, List<Problem> problems) {
        Optional<StepDefinition> blocker = firstUndoneBefore(step);
        if (blocker.isPresent()) {
            return locked(step, blocker.get());
        }
        StepState.Status status = !problems.isEmpty() ? StepState.Status.NEEDS_FIX
                : done(step.id()) ? StepState.Status.DONE : StepState.Status.OPEN;
        return new StepState(step.id(), step.title(), status, step.hint(), List.copyOf(problems), shown(step));
    }

    private StepState locked(StepDefinition step, StepDefinition blocker) {
        Problem p = new Problem("", "STEP_LOCKED", "请先完成“" + blocker.title() + "”。", blocker.hint());
        return new StepState(step.id(), step.title(), StepState.Status.LOCKED, step.hint(), List.of(p), Map.of());
    }

    private Map<String, String> shown(StepDefinition step) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : step.fields()) {
            String v = data.get(step.id() + "." + f.name());
            if (v != null && f.exposure() != FieldSpec.Exposure.SECRET) {
                out.put(f.name(), f.exposure() == FieldSpec.Exposure.PERSONAL ? mask(f.name(), v) : v);
            }
        }
        return out;
    }

    private static String mask(String field, String v) {
        return switch (field) {
            case "name" -> Masking.name(v);
            case "idNumber" -> Masking.idNumber(v);
            case "address" -> v.length() <= 6 ? "******" : v.substring(0, 6) + "******";
            default -> Masking.number(v);
        };
    }

    private Optional<StepDefinition> firstUndoneBefore(StepDefinition step) {
        for (StepDefinition s : steps.steps()) {
            if (s.id().equals(step.id())) {
                return Optional.empty();
            }
            if (!done(s.id())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private boolean done(String stepId) {
        return "true".equals(data.get(DONE + stepId));
    }

    private StepDefinition step(String id) {
        return steps.step(id).orElseThrow(() -> new IllegalArgumentException("unknown step " + id));
    }

    @Override
    public Optional<String> idName() {
        return Optional.ofNullable(data.get(ID_NAME));
    }

    @Override
    public Optional<String> idNumber() {
        return Optional.ofNullable(data.get(ID_NUMBER));
    }

    @Override
    public Optional<String> mobile() {
        return Optional.ofNullable(data.get("phone.mobile"));
    }

    @Override
    public Optional<Integer> riskScore() {
        if (!done("riskQuestionnaire")) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 1; i <= OpeningSteps.QUESTIONS; i++) {
            sum += RiskLevel.score(data.getOrDefault("riskQuestionnaire.q" + i, "A"));
        }
        return Optional.of(sum);
    }
}
