/**
 * Image quality checks behind the {@link org.finassist.ocr.quality.ImageQualityCheck} seam. Each check yields a
 * measured value, the configured threshold and a Chinese retake hint: blur (variance of the Laplacian), brightness,
 * glare (share of saturated pixels inside the card), card presence and frame fill, tilt, cut-off at an edge and
 * resolution. The card is located by colour contrast against the border-estimated background.
 */
package org.finassist.ocr.quality;
