/**
 * ID-photo intake, image quality checks, OCR engines and ID-card validation. No LLM, no other module.
 */
package org.finassist.ocr;
