/**
 * The ID-photo check pipeline: intake, quality checks, OCR with the primary and (when installed) the second engine,
 * field parsing, engine agreement on the ID number, validation, and Chinese retake guidance.
 */
package org.finassist.ocr.check;
