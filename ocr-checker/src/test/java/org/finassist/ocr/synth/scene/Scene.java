package org.finassist.ocr.synth.scene;

import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.synth.Identity;

/**
 * One generated evaluation photo: the upload bytes as a phone or scanner would send them and the ground truth.
 *
 * @param identity the card's identity, null for non-ID pictures
 * @param side     the card side shown, {@link CardSide#UNKNOWN} for non-ID pictures
 */
public record Scene(Split split, SceneKind kind, int index, CardSide side, Identity identity, byte[] upload,
                    int width, int height) {

    /** The build split is used while tuning; the held-out split is only measured. */
    public enum Split { BUILD, HELD_OUT }
}
