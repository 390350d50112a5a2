package org.finassist.ocr.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningSessionTest {

    private static final String ID = "11010519491231002X";
    private final OpeningSteps steps = OpeningSteps.standard();
    private final OpeningSession session = new OpeningSession(steps);

    private static List<String> codes(StepState s) {
        return s.problems().stream().map(Problem::code).toList();
    }

    private void doPhoneAndId() {
        assertThat(session.submit("phone", Map.of("mobile", "13812345678", "smsCode", "123456")).status())
                .isEqualTo(StepState.Status.DONE);
        session.recordIdCardFront("王芳", ID);
        session.recordIdCardBack();
    }

    @Test
    void hasTheElevenStepsOfAMobileOpeningInOrder() {
        assertThat(steps.steps()).extracting(StepDefinition::id).containsExactly("phone", "idCard", "personal",
                "occupation", "bankCard", "riskQuestionnaire", "suitability", "agreements", "password",
                "videoWitness", "submission");
        assertThat(session.currentStep()).map(StepDefinition::id).contains("phone");
    }

    @Test
    void laterStepsAreLockedUntilEarlierOnesAreDone() {
        StepState s = session.submit("bankCard", Map.of("bank", "招商银行", "cardNumber", "6222020200112233445"));
        assertThat(s.status()).isEqualTo(StepState.Status.LOCKED);
        assertThat(s.problems().getFirst().message()).contains("手机号验证");
        doPhoneAndId();
        assertThat(session.state("idCard").status()).isEqualTo(StepState.Status.DONE);
        assertThat(session.currentStep()).map(StepDefinition::id).contains("personal");
    }

    @Test
    void explainsWhatIsWrongWithEachField() {
        StepState s = session.submit("phone", Map.of("mobile", "1381234567", "smsCode", ""));
        assertThat(s.status()).isEqualTo(StepState.Status.NEEDS_FIX);
        assertThat(s.problems()).extracting(Problem::field).containsExactly("mobile", "smsCode");
        assertThat(s.problems()).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        assertThat(session.validateField("phone", "mobile", "19912345678")).isEmpty();
        assertThat(session.validateField("phone", "mobile", "12912345678")).extracting(Problem::code).containsExactly("FORMAT");
    }

    @Test
    void personalDetailsMustMatchTheIdCard() {
        doPhoneAndId();
        StepState s = session.submit("personal", Map.of("name", "王方", "idNumber", ID, "address", "北京市东城区长安街1号"));
        assertThat(codes(s)).containsExactly("NAME_MISMATCH");
        s = session.submit("personal", Map.of("name", "王芳", "idNumber", "110105194912310021", "address", "北京市东城区长安街"));
        assertThat(codes(s)).containsExactly("ID_CHECKSUM", "INCOMPLETE");
        assertThat(s.problems().get(1).message()).contains("门牌号");
        s = session.submit("personal", Map.of("name", "王芳", "idNumber", "440524188001010014", "address", "北京市东城区长安街1号"));
        assertThat(codes(s)).containsExactly("ID_MISMATCH");
        assertThat(session.validateField("personal", "idNumber", ID.toLowerCase())).isEmpty();
        s = session.submit("personal", Map.of("name", "王芳", "idNumber", ID, "address", "北京市东城区长安街1号"));
        assertThat(s.status()).isEqualTo(StepState.Status.DONE);
        assertThat(s.values()).containsEntry("name", "王*").containsEntry("idNumber", "110*************2X");
    }

    @Test
    void bankCardNeedsAValidLuhnDigit() {
        assertThat(Luhn.valid("4111111111111111")).isTrue();
        assertThat(Luhn.valid("4111111111111112")).isFalse();
        assertThat(session.validateField("bankCard", "cardNumber", "6222 0202 0011 2233 4")).extracting(Problem::code)
                .containsExactly("CHECKSUM");
        assertThat(session.validateField("bankCard", "cardNumber", "79927398713000")).extracting(Problem::code)
                .containsExactly("FORMAT");
        assertThat(session.validateField("bankCard", "cardNumber", "6212260200000000006")).isEmpty();
    }

    @Test
    void weakPasswordsAreRefusedAndSecretsNeverStored() {
        doPhoneAndId();
        assertThat(session.validateField("password", "tradePassword", "123456")).extracting(Problem::code).containsExactly("WEAK_PASSWORD");
        assertThat(session.validateField("password", "tradePassword", "111122")).isNotEmpty();
        assertThat(session.validateField("password", "tradePassword", "491231")).isNotEmpty();
        assertThat(session.validateField("password", "tradePassword", "345678")).isNotEmpty();
        assertThat(session.validateField("password", "tradePassword", "12a456")).isNotEmpty();
        assertThat(session.validateField("password", "tradePassword", "739152")).isEmpty();
        assertThat(session.snapshot()).doesNotContainKey("phone.smsCode");
        assertThat(session.snapshot().values()).doesNotContain("123456");
    }

    @Test
    void suitabilityNeedsAcknowledgementAboveTheCustomersLevel() {
        OpeningSession s = OpeningSession.restore(steps, completedUpTo("suitability"));
        assertThat(s.riskScore()).contains(20);
        assertThat(codes(s.submit("suitability", Map.of("productRisk", "R2")))).isEmpty();
        assertThat(codes(s.submit("suitability", Map.of("productRisk", "R3")))).containsExactly("MISMATCH_NOT_ACKNOWLEDGED");
        assertThat(codes(s.submit("suitability", Map.of("productRisk", "R3", "acceptMismatch", "true")))).isEmpty();
        assertThat(codes(s.submit("suitability", Map.of("productRisk", "R5", "acceptMismatch", "true")))).containsExactly("NOT_SUITABLE");
    }

    @Test
    void snapshotRestoresTheSameState() {
        doPhoneAndId();
        OpeningSession restored = OpeningSession.restore(steps, session.snapshot());
        assertThat(restored.states()).isEqualTo(session.states());
        assertThat(restored.idName()).contains("王芳");
    }

    /** A snapshot in which every step before {@code step} is done and the questionnaire scores 20 (C2). */
    private static Map<String, String> completedUpTo(String step) {
        Map<String, String> data = new HashMap<>();
        for (StepDefinition s : OpeningSteps.standard().steps()) {
            if (s.id().equals(step)) {
                break;
            }
            data.put("done." + s.id(), "true");
        }
        for (int i = 1; i <= 10; i++) {
            data.put("riskQuestionnaire.q" + i, "B");
        }
        return data;
    }
}
