/**
 * Image quality checks behind the {@link org.finassist.ocr.quality.ImageQualityCheck} seam. Each check yields a
 * measured value, the configured threshold and a Chinese retake hint: card presence, cut-off corner, frame fill,
 * tilt, resolution, brightness, glare, blur and motion blur.
 *
 * <p>The card is located from its print first ({@link org.finassist.ocr.quality.TextCardLocator}: the rows the
 * detector found in the whole photo are matched to the card's fixed layout, which gives scale, angle and all four
 * corners on any desk); the colour-contrast blob ({@link org.finassist.ocr.quality.CardLocator}) is the fallback
 * when no text was read. With a text-located card, brightness, glare and blur are measured on the printed zone
 * sampled at the print's own scale, size is judged by the height of the print, and a corner counts as cut only when
 * the layout puts it more than a few millimetres outside the frame: a card-filling scan or an album crop trimmed at
 * the card's outline is accepted when its print is complete.
 */
package org.finassist.ocr.quality;
