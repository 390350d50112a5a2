package org.finassist.ocr.engine;

/** One model load per test JVM: loading PP-OCRv4 takes about a second. */
public final class SharedPaddle {

    private static PaddleOcrEngine engine;

    private SharedPaddle() {
    }

    public static synchronized PaddleOcrEngine get() {
        if (engine == null) {
            engine = PaddleOcrEngine.load(2, 960);
        }
        return engine;
    }
}
