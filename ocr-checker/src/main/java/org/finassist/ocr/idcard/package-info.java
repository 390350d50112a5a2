/**
 * Second-generation resident ID card (居民身份证) fields, parsing from OCR text lines and validation per
 * GB 11643-1999 (check digit, birth date, gender, region code) plus the card's printed validity period.
 */
package org.finassist.ocr.idcard;
