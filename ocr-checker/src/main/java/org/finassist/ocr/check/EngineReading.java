package org.finassist.ocr.check;

import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardBack;
import org.finassist.ocr.idcard.IdCardFront;

/** What one engine read: the side it saw and the parsed fields of that side (the other side's field is null). */
public record EngineReading(String engine, CardSide side, IdCardFront front, IdCardBack back, long millis) {
}
