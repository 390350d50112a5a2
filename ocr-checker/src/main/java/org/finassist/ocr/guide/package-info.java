/**
 * The mobile account-opening guide: its eleven steps as data ({@link org.finassist.ocr.guide.OpeningSteps}),
 * per-field rules (mobile number, Luhn-checked bank card, complete address, name as on the ID, trade password),
 * and a session whose step state says what is wrong and how to fix it, in Chinese.
 */
package org.finassist.ocr.guide;
