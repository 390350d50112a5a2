package org.finassist.ocr.check;

import java.util.List;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.Finding;
import org.finassist.ocr.idcard.IdCardBack;
import org.finassist.ocr.idcard.IdCardFront;
import org.finassist.ocr.quality.QualityResult;

/**
 * The outcome of checking one ID photo.
 *
 * @param side      the side the photo shows, as detected from its text
 * @param quality   every quality check with its measured value and threshold
 * @param front     fields of the portrait side from the primary engine (null for the other side)
 * @param back      fields of the emblem side from the primary engine (null for the other side)
 * @param readings  each engine's own reading, primary first
 * @param agreement how far the ID number can be trusted (front only; {@code UNREADABLE} for the back)
 * @param findings  validation problems and engine disagreements
 * @param guidance  what the customer should do, in order, in Chinese; empty when the photo is accepted
 */
public record IdPhotoReport(CardSide side, List<QualityResult> quality, IdCardFront front, IdCardBack back,
                            List<EngineReading> readings, Agreement agreement, List<Finding> findings,
                            List<String> guidance) {

    /** Accepted: no failed quality check and no finding. */
    public boolean accepted() {
        return guidance.isEmpty();
    }
}
