package org.finassist.ocr.guide;

import java.util.Optional;

/** Facts from earlier steps that later fields are checked against. */
public interface OpeningContext {

    /** The name read from the ID card, once the portrait side was accepted. */
    Optional<String> idName();

    /** The ID number read from the card. */
    Optional<String> idNumber();

    /** The verified mobile number. */
    Optional<String> mobile();

    /** The sum of the risk questionnaire's answer scores, once answered. */
    Optional<Integer> riskScore();
}
