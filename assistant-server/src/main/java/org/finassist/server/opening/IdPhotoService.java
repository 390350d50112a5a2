package org.finassist.server.opening;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.finassist.ocr.check.IdPhotoChecker;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.PaddleOcrEngine;
import org.finassist.ocr.engine.TesseractEngine;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdCardValidator;
import org.finassist.ocr.intake.ImageIntake;
import org.finassist.ocr.intake.IntakeException;
import org.finassist.ocr.intake.IntakeLimits;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityThresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the checker. The OCR models load on the first photo, not at start-up, so that nodes and tests that never
 * see a photo do not pay ~60 MB and a second. A semaphore bounds concurrent checks: OCR is CPU-bound and running
 * more work than cores only makes every customer wait longer. A photo waits a few seconds for a permit (a burst of
 * four customers queues for about one check's time) before it gets 503.
 */
final class IdPhotoService {

    private static final Logger LOG = LoggerFactory.getLogger(IdPhotoService.class);

    private final OcrCheckerProperties props;
    private final Clock clock;
    private final Semaphore permits;
    private volatile IdPhotoChecker checker;

    IdPhotoService(OcrCheckerProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.permits = new Semaphore(Math.max(1, props.engine().maxConcurrentChecks()));
    }

    /** Thrown when every permit stayed taken for the whole wait. */
    static final class Busy extends Exception {
        Busy() {
            super("all photo-check permits in use");
        }
    }

    IdPhotoReport check(byte[] upload, CardSide expected, Optional<LocalDate> birthDate)
            throws IntakeException, Busy {
        try {
            if (!permits.tryAcquire(props.engine().queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return checker().check(upload, expected, birthDate);
        } finally {
            permits.release();
        }
    }

    private IdPhotoChecker checker() {
        IdPhotoChecker c = checker;
        if (c == null) {
            synchronized (this) {
                c = checker;
                if (c == null) {
                    c = build();
                    checker = c;
                }
            }
        }
        return c;
    }

    private IdPhotoChecker build() {
        long start = System.nanoTime();
        OcrCheckerProperties.Engine engine = props.engine();
        OcrCheckerProperties.Upload upload = props.upload();
        OcrCheckerProperties.Quality q = props.quality();
        OcrEngine paddle = PaddleOcrEngine.load(engine.ocrThreads(), engine.detMaxSide());
        Optional<OcrEngine> second = engine.tesseract()
                ? TesseractEngine.ifAvailable(Path.of(engine.tessdata()), engine.tesseractLanguage()).map(e -> (OcrEngine) e)
                : Optional.empty();
        IdPhotoChecker c = new IdPhotoChecker(
                new ImageIntake(new IntakeLimits(upload.maxBytes(), upload.maxPixels(), 12_000, upload.minSide())),
                QualityInspector.standard(new QualityThresholds(q.minSharpness(), q.minBrightness(), q.maxBrightness(),
                        q.maxGlare(), q.minFill(), q.maxTiltDeg(), q.maxEdgeContact(), q.minCardWidthPx(),
                        q.minDirectionalBalance())),
                paddle, second, new IdCardValidator(clock, props.minimumAge()));
        LOG.info("ID-photo checker ready in {} ms with engines {}{}", (System.nanoTime() - start) / 1_000_000,
                c.engines(), second.isEmpty() ? " (Tesseract not installed or disabled: single-engine mode)" : "");
        return c;
    }

    List<String> engines() {
        return checker().engines();
    }
}
