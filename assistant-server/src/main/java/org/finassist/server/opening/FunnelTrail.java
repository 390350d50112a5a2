package org.finassist.server.opening;

import java.util.List;
import java.util.Optional;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.guide.OpeningSession;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.ocr.guide.StepDefinition;
import org.finassist.ocr.guide.StepState;
import org.finassist.ocr.quality.QualityResult;
import org.finassist.server.funnel.FunnelEvent;
import org.finassist.server.funnel.FunnelRecorder;

/**
 * Turns what the guide did into funnel events: failed rules of a submission, a rejected photo's first reason, and
 * the steps completed and entered when the customer's current step moves forward (submitted when none is left).
 */
final class FunnelTrail {

    private final FunnelRecorder funnel;
    private final OpeningSteps steps;

    FunnelTrail(FunnelRecorder funnel, OpeningSteps steps) {
        this.funnel = funnel;
        this.steps = steps;
    }

    FunnelRecorder recorder() {
        return funnel;
    }

    void started(String id) {
        steps.steps().stream().findFirst().ifPresent(s -> funnel.record(id, new FunnelEvent.StepEntered(s.id())));
    }

    /** The position of the session's current step; the number of steps when every step is done. */
    int position(OpeningSession s) {
        return s.currentStep().map(steps.steps()::indexOf).orElse(steps.steps().size());
    }

    void submitted(String id, StepState state) {
        if (state.status() == StepState.Status.NEEDS_FIX) {
            state.problems().forEach(p -> funnel.record(id,
                    new FunnelEvent.ValidationFailed(state.step(), (p.field().isEmpty() ? "step" : p.field()) + "." + p.code())));
        }
    }

    void photoChecked(String id, IdPhotoReport report, boolean sideMatches) {
        if (report.accepted() && sideMatches) {
            return;
        }
        Optional<String> reason = report.quality().stream().filter(QualityResult::failed).map(QualityResult::check)
                .findFirst().or(() -> report.findings().stream().map(f -> f.code()).findFirst());
        funnel.record(id, new FunnelEvent.PhotoRejected(reason.orElse(sideMatches ? "rejected" : "wrong_side")));
    }

    /** Emits completed steps and the step entered (or the submission) between two positions. */
    void moved(String id, int before, int after) {
        List<StepDefinition> all = steps.steps();
        for (int i = before; i < after; i++) {
            funnel.record(id, new FunnelEvent.StepCompleted(all.get(i).id()));
        }
        if (after > before) {
            funnel.record(id, after < all.size() ? new FunnelEvent.StepEntered(all.get(after).id())
                    : new FunnelEvent.Submitted());
        }
    }
}
