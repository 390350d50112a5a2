package org.finassist.ocr.idcard;

/**
 * One validation problem: a stable code for machines, the field it concerns, and a Chinese message for the customer.
 */
public record Finding(String code, String field, String message) {
}
