package org.finassist.ocr.synth;

import java.awt.image.BufferedImage;
import org.finassist.ocr.idcard.CardSide;

/** One generated photo with its ground truth. */
public record SyntheticCard(Identity identity, CardSide side, Degradation degradation, BufferedImage photo) {
}
