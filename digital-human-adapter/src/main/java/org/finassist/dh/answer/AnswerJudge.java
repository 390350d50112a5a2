package org.finassist.dh.answer;

/**
 * Judges a spoken answer to one witness question: the yes/no reading of {@link AnswerClassifier} plus the risk
 * admissions of {@link RiskAdmissions}, which win over the polarity (会的，我打算借给朋友用 is a risk, not an unclear
 * yes that mentions a friend). Stateless and thread-safe.
 */
public final class AnswerJudge {

    private final AnswerClassifier classifier = new AnswerClassifier();

    public Judgement judge(String asrText, QuestionKind kind) {
        Classification c = classifier.classify(asrText);
        return new Judgement(c, RiskAdmissions.find(AnswerClassifier.normalized(asrText), kind, c.verdict()));
    }
}
