package org.finassist.ocr.synth.scene;

import java.util.Optional;

/**
 * What a generated photo shows and what the checker must do with it: accept a good photo, reject a bad one with the
 * named quality check failing first, or refuse a picture that is not an ID card side at all.
 */
public enum SceneKind {
    WOOD_DESK(Expect.ACCEPT, null),
    STONE_DESK(Expect.ACCEPT, null),
    GRANITE_DESK(Expect.ACCEPT, null),
    FABRIC(Expect.ACCEPT, null),
    LIGHT_GREY_DESK(Expect.ACCEPT, null),
    BEIGE_DESK(Expect.ACCEPT, null),
    WHITE_DESK(Expect.ACCEPT, null),
    PATTERNED_CLOTH(Expect.ACCEPT, null),
    FINGERS(Expect.ACCEPT, null),
    FLATBED_SCAN(Expect.ACCEPT, null),
    CARD_FILLING(Expect.ACCEPT, null),
    ALBUM_SIZED(Expect.ACCEPT, null),
    PERSPECTIVE(Expect.ACCEPT, null),
    UNEVEN_LIGHT(Expect.ACCEPT, null),
    WATERMARK(Expect.ACCEPT, null),
    BLUR(Expect.REJECT, "blur"),
    GLARE(Expect.REJECT, "glare"),
    DARK(Expect.REJECT, "brightness"),
    TILT(Expect.REJECT, "tilt"),
    CUT_CORNER(Expect.REJECT, "cutOff"),
    BANK_CARD(Expect.NOT_ID, null),
    RECEIPT(Expect.NOT_ID, null),
    TICKET(Expect.NOT_ID, null),
    QR_CODE(Expect.NOT_ID, null),
    PORTRAIT(Expect.NOT_ID, null),
    BOTH_SIDES_PAGE(Expect.NOT_ID, null);

    /** The required outcome. */
    public enum Expect { ACCEPT, REJECT, NOT_ID }

    private final Expect expect;
    private final String firstFailure;

    SceneKind(Expect expect, String firstFailure) {
        this.expect = expect;
        this.firstFailure = firstFailure;
    }

    public Expect expect() {
        return expect;
    }

    /** For {@link Expect#REJECT}: the quality check whose guidance the customer must see first. */
    public Optional<String> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }
}
