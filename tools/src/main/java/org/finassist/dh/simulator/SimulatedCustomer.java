package org.finassist.dh.simulator;

import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.protocol.Outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** One simulated customer: applicant, persona, what was shown, the session's outcome. */
public final class SimulatedCustomer {

    private static final char[] CN = "零一二三四五六七八九".toCharArray();

    final String sessionId;
    final Applicant applicant;
    final Persona persona;
    final AtomicLong seq = new AtomicLong();
    final Map<String, Integer> asked = new HashMap<>();
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    volatile String confirmation = "";

    public SimulatedCustomer(String sessionId, Applicant applicant, Persona persona) {
        this.sessionId = sessionId;
        this.applicant = applicant;
        this.persona = persona;
    }

    public String sessionId() {
        return sessionId;
    }

    public Persona persona() {
        return persona;
    }

    /** Completes with the outcome of the session.end frame. */
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** The reply to a question, or null if this customer has nothing to say to it. */
    synchronized String reply(String question) {
        String step = Persona.stepOf(question);
        if ("other".equals(step)) {
            return null;
        }
        int attempt = asked.merge(step, 1, Integer::sum) - 1;
        return fill(persona.answer(step, attempt));
    }

    private String fill(String template) {
        String id = applicant.idNumber();
        String suffix = id.substring(id.length() - 6);
        return template.replace("{name}", applicant.name())
                .replace("{idSuffix}", suffix)
                .replace("{idSpoken}", spoken(suffix))
                .replace("{confirmation}", confirmation)
                .replace("{confirmationNoisy}", noisy(confirmation));
    }

    private static String spoken(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c == 'X' || c == 'x' ? '叉' : c == '1' ? '幺' : CN[c - '0']).append(' ');
        }
        return out.toString().strip();
    }

    /** Drops punctuation and mishears one character, as ASR does. */
    private static String noisy(String sentence) {
        return sentence.replaceAll("[，。]", "").replaceFirst("账户", "帐户").replaceFirst("自愿", "资源");
    }
}
