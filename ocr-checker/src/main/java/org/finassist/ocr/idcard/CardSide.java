package org.finassist.ocr.idcard;

/** Which side of the card a photo shows: the portrait side (人像面) or the national-emblem side (国徽面). */
public enum CardSide {
    FRONT, BACK, UNKNOWN
}
