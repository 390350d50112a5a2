package org.finassist.ocr.synth;

import java.time.LocalDate;
import org.finassist.ocr.idcard.Gender;
import org.finassist.ocr.idcard.ValidityPeriod;

/** A made-up identity with a checksum-valid number; the ground truth of one synthetic card. */
public record Identity(String name, Gender gender, String ethnicity, LocalDate birthDate, String address,
                       String idNumber, String authority, ValidityPeriod validity) {
}
