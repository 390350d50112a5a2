package org.finassist.ocr.idcard;

import java.time.LocalDate;
import org.finassist.ocr.privacy.Masking;

/** Fields read from the portrait side. Any field may be null when it could not be read. */
public record IdCardFront(String name, Gender gender, String ethnicity, LocalDate birthDate, String address,
                          String idNumber) {

    @Override
    public String toString() {
        return "IdCardFront[name=" + Masking.name(name) + ", gender=" + gender + ", ethnicity=" + ethnicity
                + ", idNumber=" + Masking.idNumber(idNumber) + "]";
    }
}
