package org.finassist.ocr.engine;

/** The OCR-engine contract on PP-OCRv4 over onnxruntime, the engine every deployment has. */
class PaddleOcrEngineContractTest extends OcrEngineContract {

    @Override
    protected OcrEngine engine() {
        return SharedPaddle.get();
    }
}
