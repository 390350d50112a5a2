/**
 * OCR engines behind the {@link org.finassist.ocr.engine.OcrEngine} seam: PaddleOCR PP-OCRv4 detection and
 * recognition models on onnxruntime (primary, needs no system install) and Tesseract via tess4j (second engine
 * when the native library and {@code chi_sim} data are installed).
 */
package org.finassist.ocr.engine;
