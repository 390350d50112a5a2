package org.finassist.ocr.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.Finding;
import org.finassist.ocr.idcard.IdCardBack;
import org.finassist.ocr.idcard.IdCardFront;
import org.finassist.ocr.idcard.IdNumber;

/**
 * Combines the primary reading with the second engine's. The primary engine's fields stand; the second engine only
 * fills fields the primary could not read and votes on the ID number, where a disagreement is reported.
 */
record Merged(IdCardFront front, IdCardBack back, Agreement agreement, List<Finding> findings) {

    static Merged of(CardSide side, EngineReading primary, Optional<EngineReading> secondary) {
        if (side == CardSide.BACK) {
            IdCardBack p = primary.back();
            IdCardBack s = secondary.map(EngineReading::back).orElse(null);
            IdCardBack back = s == null ? p : new IdCardBack(
                    p.issuingAuthority() != null ? p.issuingAuthority() : s.issuingAuthority(),
                    p.validity() != null ? p.validity() : s.validity());
            return new Merged(null, back, Agreement.UNREADABLE, List.of());
        }
        if (side != CardSide.FRONT) {
            return new Merged(null, null, Agreement.UNREADABLE, List.of());
        }
        IdCardFront p = primary.front();
        IdCardFront s = secondary.map(EngineReading::front).orElse(null);
        Optional<String> pid = valid(p.idNumber());
        Optional<String> sid = s == null ? Optional.empty() : valid(s.idNumber());
        List<Finding> findings = new ArrayList<>();
        Agreement agreement;
        String id = pid.orElse(sid.orElse(p.idNumber()));
        if (pid.isPresent() && sid.isPresent()) {
            agreement = pid.equals(sid) ? Agreement.HIGH : Agreement.DISAGREED;
        } else {
            agreement = pid.isPresent() || sid.isPresent() ? Agreement.MEDIUM : Agreement.UNREADABLE;
        }
        if (agreement == Agreement.DISAGREED) {
            findings.add(new Finding("ID_ENGINES_DISAGREE", "idNumber",
                    "两次识别的身份号码不一致，请在光线均匀处重新拍摄，或核对后手动填写。"));
        }
        IdCardFront front = s == null ? withId(p, id) : new IdCardFront(
                first(p.name(), s.name()), first(p.gender(), s.gender()), first(p.ethnicity(), s.ethnicity()),
                first(p.birthDate(), s.birthDate()), first(p.address(), s.address()), id);
        return new Merged(front, null, agreement, List.copyOf(findings));
    }

    private static Optional<String> valid(String id) {
        return IdNumber.parse(id).filter(IdNumber::checksumValid).map(IdNumber::value);
    }

    private static IdCardFront withId(IdCardFront f, String id) {
        return new IdCardFront(f.name(), f.gender(), f.ethnicity(), f.birthDate(), f.address(), id);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
