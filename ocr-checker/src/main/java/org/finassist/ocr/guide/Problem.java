package org.finassist.ocr.guide;

/** What is wrong with one field and how to fix it (both Chinese, customer-facing); {@code code} is stable. */
public record Problem(String field, String code, String message, String fix) {
}
