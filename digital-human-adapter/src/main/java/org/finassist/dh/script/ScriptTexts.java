package org.finassist.dh.script;

import org.finassist.dh.protocol.Applicant;
import org.finassist.prompts.PromptRenderer;

import java.util.Map;

/** Renders the script's texts for one applicant through the strict prompt renderer. */
public final class ScriptTexts {

    private final PromptRenderer renderer;
    private final int idSuffixLength;

    public ScriptTexts(PromptRenderer renderer, int idSuffixLength) {
        this.renderer = renderer;
        this.idSuffixLength = idSuffixLength;
    }

    public String question(WitnessStep step, Applicant applicant) {
        return render(step.template(), applicant, Map.of());
    }

    public String greeting(Applicant applicant) {
        return render("witness/greeting.ftl", applicant, Map.of());
    }

    public String confirmation(Applicant applicant) {
        return render("witness/confirmation.ftl", applicant, Map.of());
    }

    public String idPrompt(Applicant applicant) {
        return render("witness/show-id-prompt.ftl", applicant, Map.of());
    }

    /** Lead-in before a repeated question; {@code reason} is the classifier's reason. */
    public String reask(Applicant applicant, String reason) {
        return render("witness/reask.ftl", applicant, Map.of("reason", reason));
    }

    public String hold(Applicant applicant) {
        return render("witness/hold.ftl", applicant, Map.of());
    }

    public String passed(Applicant applicant) {
        return render("witness/passed.ftl", applicant, Map.of());
    }

    public String rejected(Applicant applicant) {
        return render("witness/rejected.ftl", applicant, Map.of());
    }

    public String offScriptFallback(Applicant applicant) {
        return render("witness/off-script-fallback.ftl", applicant, Map.of());
    }

    public String offScriptSystemPrompt(Applicant applicant) {
        return render("witness/off-script-system.ftl", applicant, Map.of());
    }

    public int idSuffixLength() {
        return idSuffixLength;
    }

    private String render(String template, Applicant applicant, Map<String, Object> extra) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        model.put("name", applicant.name());
        model.put("broker", applicant.broker());
        model.put("product", applicant.product());
        model.put("idSuffixLength", idSuffixLength);
        return renderer.render(template, model).strip();
    }
}
