package org.finassist.dh.script;

/**
 * One question of the script. {@code showIdPrompt} puts the ID-card prompt on screen, {@code showConfirmation}
 * puts the confirmation sentence there, before the question is spoken.
 */
public record WitnessStep(String id, String template, CheckKind check, boolean showIdPrompt, boolean showConfirmation) {

    static WitnessStep ask(String id, CheckKind check) {
        return new WitnessStep(id, "witness/step-" + id + ".ftl", check, false, false);
    }
}
