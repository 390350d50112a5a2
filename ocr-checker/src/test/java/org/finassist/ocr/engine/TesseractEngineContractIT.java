package org.finassist.ocr.engine;

/**
 * The OCR-engine contract on Tesseract {@code chi_sim}, the optional second engine; skipped with a message when it
 * is not installed (failed in CI).
 */
class TesseractEngineContractIT extends OcrEngineContract {

    @Override
    protected OcrEngine engine() {
        return TesseractEngineIT.engine();
    }
}
