package org.finassist.ocr.idcard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the fields of both card sides against each other, against the rules of GB 11643-1999 and the
 * Resident Identity Card Law (validity 5/10/20 years or 长期 by age at issue), and against the opening policy.
 */
public final class IdCardValidator {

    private final Clock clock;
    private final int minimumAge;

    public IdCardValidator(Clock clock, int minimumAge) {
        if (minimumAge < 0) {
            throw new IllegalArgumentException("minimumAge must be >= 0");
        }
        this.clock = clock;
        this.minimumAge = minimumAge;
    }

    /** Problems with the portrait side; empty when everything is consistent. */
    public List<Finding> validateFront(IdCardFront front) {
        List<Finding> out = new ArrayList<>();
        if (front.name() == null || front.name().isBlank()) {
            out.add(new Finding("NAME_MISSING", "name", "未能识别姓名，请重新拍摄证件人像面。"));
        }
        Optional<IdNumber> parsed = IdNumber.parse(front.idNumber());
        if (parsed.isEmpty()) {
            out.add(new Finding("ID_NUMBER_UNREADABLE", "idNumber", "未能完整识别18位公民身份号码，请重新拍摄。"));
            return out;
        }
        IdNumber id = parsed.get();
        if (!id.checksumValid()) {
            out.add(new Finding("ID_CHECKSUM", "idNumber", "身份号码校验位不正确，请核对证件或重新拍摄。"));
        }
        if (!RegionCodes.plausible(id.regionCode())) {
            out.add(new Finding("ID_REGION", "idNumber", "身份号码的地区码无效，请核对证件。"));
        }
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> encodedBirth = id.birthDate().filter(d -> !d.isAfter(today));
        if (encodedBirth.isEmpty()) {
            out.add(new Finding("ID_BIRTH_INVALID", "idNumber", "身份号码中的出生日期无效，请核对证件。"));
        } else {
            checkAgainstPrinted(front, id, encodedBirth.get(), out);
            if (Period.between(encodedBirth.get(), today).getYears() < minimumAge) {
                out.add(new Finding("UNDERAGE", "birthDate",
                        "开户人须年满" + minimumAge + "周岁，未满" + minimumAge + "周岁暂不能在线开户。"));
            }
        }
        return out;
    }

    private static void checkAgainstPrinted(IdCardFront front, IdNumber id, LocalDate birth, List<Finding> out) {
        if (front.birthDate() != null && !front.birthDate().equals(birth)) {
            out.add(new Finding("BIRTH_MISMATCH", "birthDate", "证件上的出生日期与身份号码不一致，请重新拍摄或核对证件。"));
        }
        if (front.gender() != null && front.gender() != id.gender()) {
            out.add(new Finding("GENDER_MISMATCH", "gender", "证件上的性别与身份号码不一致，请重新拍摄或核对证件。"));
        }
    }

    /**
     * Problems with the emblem side. The birth date (from the portrait side's ID number) lets the validity length
     * be checked against the age at issue; without it only expiry is checked.
     */
    public List<Finding> validateBack(IdCardBack back, Optional<LocalDate> birthDate) {
        List<Finding> out = new ArrayList<>();
        if (back.issuingAuthority() == null || back.issuingAuthority().isBlank()) {
            out.add(new Finding("AUTHORITY_MISSING", "issuingAuthority", "未能识别签发机关，请重新拍摄证件国徽面。"));
        }
        ValidityPeriod validity = back.validity();
        if (validity == null) {
            out.add(new Finding("VALIDITY_UNREADABLE", "validity", "未能识别有效期限，请重新拍摄证件国徽面。"));
            return out;
        }
        LocalDate today = LocalDate.now(clock);
        if (validity.start().isAfter(today)) {
            out.add(new Finding("VALIDITY_NOT_STARTED", "validity", "有效期限的起始日期晚于今天，请核对证件。"));
        }
        if (validity.end().filter(end -> end.isBefore(today)).isPresent()) {
            out.add(new Finding("EXPIRED", "validity", "身份证已过有效期，请先换领新证后再开户。"));
        }
        birthDate.ifPresent(birth -> checkLength(validity, birth, out));
        return out;
    }

    private static void checkLength(ValidityPeriod validity, LocalDate birth, List<Finding> out) {
        int ageAtIssue = Period.between(birth, validity.start()).getYears();
        Optional<Integer> expectedYears = expectedYears(ageAtIssue);
        boolean consistent = expectedYears
                .map(years -> validity.end().equals(Optional.of(validity.start().plusYears(years))))
                .orElse(validity.longTerm());
        if (!consistent) {
            out.add(new Finding("VALIDITY_LENGTH", "validity", "有效期限与签发时的年龄不相符，请核对证件。"));
        }
    }

    /** 居民身份证法 §5: under 16 → 5 years, 16–25 → 10, 26–45 → 20, 46 and over → 长期 (empty). */
    static Optional<Integer> expectedYears(int ageAtIssue) {
        if (ageAtIssue < 16) {
            return Optional.of(5);
        }
        if (ageAtIssue <= 25) {
            return Optional.of(10);
        }
        return ageAtIssue <= 45 ? Optional.of(20) : Optional.empty();
    }
}
