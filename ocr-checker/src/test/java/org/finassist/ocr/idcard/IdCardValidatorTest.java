package org.finassist.ocr.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdCardValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final IdCardValidator validator = new IdCardValidator(
            Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")), 18);

    private static String id(String region, LocalDate birth, String seq) {
        String first17 = region + birth.toString().replace("-", "") + seq;
        return first17 + IdNumber.checkCharFor(first17);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void consistentFrontPasses() {
        LocalDate birth = LocalDate.of(1990, 3, 7);
        var front = new IdCardFront("王芳", Gender.FEMALE, "汉", birth, "北京市东城区长安街1号", id("110101", birth, "002"));
        assertThat(validator.validateFront(front)).isEmpty();
    }

    @Test
    void printedFieldsMustAgreeWithTheNumber() {
        LocalDate birth = LocalDate.of(1990, 3, 7);
        var front = new IdCardFront("王芳", Gender.MALE, "汉", birth.plusDays(1), "地址", id("110101", birth, "002"));
        assertThat(codes(validator.validateFront(front))).containsExactlyInAnyOrder("BIRTH_MISMATCH", "GENDER_MISMATCH");
    }

    @Test
    void badChecksumRegionAndMinorsAreReported() {
        String good = id("110101", LocalDate.of(1990, 3, 7), "002");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThat(codes(validator.validateFront(new IdCardFront("王芳", null, null, null, null, badCheck))))
                .contains("ID_CHECKSUM");
        LocalDate birth = LocalDate.of(1990, 3, 7);
        assertThat(codes(validator.validateFront(new IdCardFront("王芳", null, null, null, null, id("990101", birth, "002")))))
                .containsExactly("ID_REGION");
        LocalDate minor = TODAY.minusYears(18).plusDays(1);
        assertThat(codes(validator.validateFront(new IdCardFront("王芳", null, null, null, null, id("110101", minor, "002")))))
                .containsExactly("UNDERAGE");
        LocalDate adult = TODAY.minusYears(18);
        assertThat(validator.validateFront(new IdCardFront("王芳", null, null, null, null, id("110101", adult, "002"))))
                .isEmpty();
        assertThat(codes(validator.validateFront(new IdCardFront(null, null, null, null, null, "12345"))))
                .containsExactly("NAME_MISSING", "ID_NUMBER_UNREADABLE");
    }

    @Test
    void minimumAgeIsConfigurable() {
        var lenient = new IdCardValidator(Clock.systemUTC(), 16);
        LocalDate birth = LocalDate.now(Clock.systemUTC()).minusYears(17);
        assertThat(lenient.validateFront(new IdCardFront("王芳", null, null, null, null, id("110101", birth, "002"))))
                .isEmpty();
    }

    @Test
    void validityLengthFollowsAgeAtIssue() {
        LocalDate birth = LocalDate.of(1990, 3, 7);
        LocalDate young = LocalDate.of(2000, 3, 7);
        LocalDate at18 = LocalDate.of(2018, 5, 1);
        assertThat(validator.validateBack(back(at18, Optional.of(at18.plusYears(10))), Optional.of(young))).isEmpty();
        assertThat(codes(validator.validateBack(back(at18, Optional.of(at18.plusYears(20))), Optional.of(young))))
                .containsExactly("VALIDITY_LENGTH");
        LocalDate at30 = LocalDate.of(2020, 5, 1);
        assertThat(codes(validator.validateBack(back(at30, Optional.of(at30.plusYears(10))), Optional.of(birth))))
                .containsExactly("VALIDITY_LENGTH");
        assertThat(validator.validateBack(back(at30, Optional.of(at30.plusYears(20))), Optional.of(birth))).isEmpty();
        LocalDate old = LocalDate.of(1960, 1, 1);
        assertThat(validator.validateBack(back(LocalDate.of(2010, 1, 2), Optional.empty()), Optional.of(old))).isEmpty();
        assertThat(codes(validator.validateBack(back(at30, Optional.empty()), Optional.of(birth))))
                .containsExactly("VALIDITY_LENGTH");
        assertThat(IdCardValidator.expectedYears(15)).contains(5);
        assertThat(IdCardValidator.expectedYears(46)).isEmpty();
    }

    @Test
    void expiredAndFutureCardsAreRefused() {
        LocalDate start = LocalDate.of(2006, 11, 23);
        assertThat(codes(validator.validateBack(back(start, Optional.of(start.plusYears(20))), Optional.empty())))
                .containsExactly("EXPIRED");
        assertThat(codes(validator.validateBack(back(TODAY.plusDays(1), Optional.of(TODAY.plusYears(20))), Optional.empty())))
                .containsExactly("VALIDITY_NOT_STARTED");
        assertThat(codes(validator.validateBack(new IdCardBack(null, null), Optional.empty())))
                .containsExactly("AUTHORITY_MISSING", "VALIDITY_UNREADABLE");
    }

    private static IdCardBack back(LocalDate start, Optional<LocalDate> end) {
        return new IdCardBack("北京市公安局东城分局", new ValidityPeriod(start, end));
    }
}
