package org.finassist.server.funnel;

import java.util.List;
import java.util.Map;

/**
 * The simulator's assumptions, in one place so they can be read and argued with. Continuation rates average about
 * 90% per step, as the seed brokerage describes ("at 90% per step barely a third finish"); the ID photo and the
 * video witness lose the most. Guidance halves none of this by magic: it only lowers each step's drop-out by
 * {@link #GUIDANCE_DROP_FACTOR}, which gives a lift near the seed's +10% in submissions.
 */
final class SimulatedTraffic {

    private SimulatedTraffic() {
    }

    /** Per step (guide order): chance to go on when guided is off, median seconds, failure reasons. */
    record StepModel(double proceed, double medianSeconds, List<String> reasons) {
    }

    static final List<StepModel> STEPS = List.of(
            new StepModel(0.92, 55, List.of("smsCode.FORMAT", "mobile.FORMAT", "smsCode.REQUIRED")),
            new StepModel(0.82, 130, List.of("blur", "glare", "cutOff", "tilt", "brightness", "EXPIRED")),
            new StepModel(0.93, 80, List.of("address.INCOMPLETE", "idNumber.ID_MISMATCH", "email.FORMAT")),
            new StepModel(0.95, 40, List.of("beneficialOwnerIsSelf.NOT_ACCEPTED", "employer.FORMAT")),
            new StepModel(0.87, 85, List.of("cardNumber.CHECKSUM", "reservedMobile.FORMAT", "bank.FORMAT")),
            new StepModel(0.92, 160, List.of("q7.REQUIRED", "q3.NOT_AN_OPTION")),
            new StepModel(0.94, 25, List.of("acceptMismatch.MISMATCH_NOT_ACKNOWLEDGED", "productRisk.NOT_SUITABLE")),
            new StepModel(0.96, 35, List.of("riskDisclosure.NOT_ACCEPTED", "privacyPolicy.NOT_ACCEPTED")),
            new StepModel(0.95, 30, List.of("tradePassword.WEAK_PASSWORD", "fundPassword.WEAK_PASSWORD")),
            new StepModel(0.84, 240, List.of("witness.customer_left", "witness.face_missing", "witness.rejected")),
            new StepModel(0.97, 12, List.of("confirmSubmission.NOT_ACCEPTED")));

    /** Guidance multiplies each step's drop-out chance by this. */
    static final double GUIDANCE_DROP_FACTOR = 0.88;

    /** Channel shares of leads and a multiplier of their drop-out (short-video leads are the least committed). */
    static final Map<String, double[]> CHANNELS = Map.of(
            "app_store", new double[] {0.28, 0.90},
            "wechat", new double[] {0.25, 1.00},
            "douyin", new double[] {0.20, 1.35},
            "baidu", new double[] {0.12, 1.15},
            "direct", new double[] {0.10, 0.85},
            "partner_bank", new double[] {0.05, 0.75});

    /** Relative start volume per hour of day (0–23): quiet at night, peaks mid-morning and evening. */
    static final double[] HOURLY = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.8, 2.6, 3.0, 2.8, 2.0, 2.2, 2.7, 2.8,
        2.5, 2.2, 2.0, 2.4, 3.0, 3.1, 2.2, 1.0};

    /** Chance that a step is failed at least once by a customer who goes on, and by one who gives up there. */
    static final double FAIL_IF_PROCEEDING = 0.18;
    static final double FAIL_IF_DROPPING = 0.65;
}
