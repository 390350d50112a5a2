package org.finassist.ocr.idcard;

/** Fields read from the national-emblem side. Any field may be null when it could not be read. */
public record IdCardBack(String issuingAuthority, ValidityPeriod validity) {
}
