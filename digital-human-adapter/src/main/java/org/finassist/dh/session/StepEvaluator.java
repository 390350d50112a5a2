package org.finassist.dh.session;

import org.finassist.dh.answer.AnswerJudge;
import org.finassist.dh.answer.Classification;
import org.finassist.dh.answer.IdentityChecks;
import org.finassist.dh.answer.Judgement;
import org.finassist.dh.answer.MatchResult;
import org.finassist.dh.answer.QuestionKind;
import org.finassist.dh.answer.ReadAloudScorer;
import org.finassist.dh.answer.Verdict;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.CheckKind;
import org.finassist.dh.script.WitnessStep;

import java.util.Locale;

/**
 * Judges one answer against one step. A risk admission escalates at once, before the polarity is looked at.
 * Stateless.
 */
final class StepEvaluator {

    private final AnswerJudge judge = new AnswerJudge();
    private final EngineSettings settings;

    StepEvaluator(EngineSettings settings) {
        this.settings = settings;
    }

    Evaluation evaluate(WitnessStep step, String text, Applicant applicant, String confirmation) {
        if (step.check() == CheckKind.READ_ALOUD) {
            return readAloud(text, confirmation);
        }
        Judgement j = judge.judge(text, kind(step));
        if (j.risk().isPresent()) {
            return new Evaluation.Escalate("risk admission to '" + step.id() + "': " + j.risk().get().description());
        }
        Classification c = j.classification();
        if (step.showIdPrompt() && c.verdict() == Verdict.NEGATIVE) {
            return new Evaluation.Retry("not ready yet"); // 还没好: holding up the card takes a moment
        }
        return switch (step.check()) {
            case EXPECT_YES -> polar(step, c, Verdict.AFFIRMATIVE, Verdict.NEGATIVE);
            case EXPECT_NO -> c.weak() ? new Evaluation.Retry("interjection is not an answer to '" + step.id() + "'")
                    : polar(step, c, Verdict.NEGATIVE, Verdict.AFFIRMATIVE);
            case NAME -> identity(c, IdentityChecks.name(text, applicant.name()), "name");
            case ID_SUFFIX -> identity(c,
                    IdentityChecks.idSuffix(text, applicant.idNumber(), settings.idSuffixLength()), "id number");
            case READ_ALOUD -> throw new IllegalStateException("handled above");
        };
    }

    private static QuestionKind kind(WitnessStep step) {
        return switch (step.check()) {
            case EXPECT_YES -> step.asksUnderstanding() ? QuestionKind.UNDERSTAND : QuestionKind.CONFIRM;
            case EXPECT_NO -> QuestionKind.DENY;
            case NAME, ID_SUFFIX, READ_ALOUD -> QuestionKind.IDENTITY;
        };
    }

    private static Evaluation polar(WitnessStep step, Classification c, Verdict wanted, Verdict wrong) {
        if (c.verdict() == wanted) {
            return new Evaluation.Pass(c.reason());
        }
        if (c.verdict() == wrong) {
            return new Evaluation.Escalate(c.reason() + " to '" + step.id() + "'");
        }
        if (c.verdict() == Verdict.QUESTION) {
            return new Evaluation.OffScript(c.reason());
        }
        return new Evaluation.Retry(c.reason());
    }

    private static Evaluation identity(Classification c, MatchResult match, String what) {
        if (match != MatchResult.MATCH && c.verdict() == Verdict.QUESTION) {
            return new Evaluation.OffScript(c.reason());
        }
        return switch (match) {
            case MATCH -> new Evaluation.Pass(what + " matches the application");
            case MISMATCH -> new Evaluation.Retry(what + " does not match the application");
            case UNCLEAR -> new Evaluation.Retry(what + " not heard clearly");
        };
    }

    private Evaluation readAloud(String text, String confirmation) {
        ReadAloudScorer.Match match = ReadAloudScorer.match(text, confirmation);
        // what was said around the sentence (…其实是我朋友用) can admit a risk the sentence itself denies
        var risk = judge.judge(match.remainder(), QuestionKind.CONFIRM).risk();
        if (risk.isPresent()) {
            return new Evaluation.Escalate("risk admission around the read-aloud sentence: " + risk.get().description());
        }
        String score = String.format(Locale.ROOT, "read-aloud similarity %.2f", match.similarity());
        return match.similarity() >= settings.readAloudThreshold() ? new Evaluation.Pass(score)
                : new Evaluation.Retry(score);
    }
}
