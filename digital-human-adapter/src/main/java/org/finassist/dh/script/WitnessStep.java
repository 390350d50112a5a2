package org.finassist.dh.script;

/**
 * One question of the script. {@code showIdPrompt} puts the ID-card prompt on screen, {@code showConfirmation}
 * puts the confirmation sentence there, before the question is spoken. {@code asksUnderstanding}: the question
 * asks whether the customer read and understood something, so "I don't understand" is a risk, not a plain no.
 */
public record WitnessStep(String id, String template, CheckKind check, boolean showIdPrompt, boolean showConfirmation,
                          boolean asksUnderstanding) {

    public WitnessStep(String id, String template, CheckKind check, boolean showIdPrompt, boolean showConfirmation) {
        this(id, template, check, showIdPrompt, showConfirmation, false);
    }

    static WitnessStep ask(String id, CheckKind check) {
        return new WitnessStep(id, "witness/step-" + id + ".ftl", check, false, false);
    }
}
