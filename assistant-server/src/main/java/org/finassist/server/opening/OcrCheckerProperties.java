package org.finassist.server.opening;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the account-opening feature ({@code finassist.ocr-checker.*}), grouped as the upload limits
 * ({@code upload.*}), the OCR engines ({@code engine.*}) and the photo-quality thresholds ({@code quality.*}).
 *
 * @param minimumAge       minimum age to open an account online
 * @param sessionRetention opening sessions (personal data) untouched this long are deleted
 */
@ConfigurationProperties("finassist.ocr-checker")
public record OcrCheckerProperties(
        @DefaultValue Upload upload,
        @DefaultValue Engine engine,
        @DefaultValue Quality quality,
        @DefaultValue("18") int minimumAge,
        @DefaultValue("30d") Duration sessionRetention) {

    /**
     * What an upload may be ({@code finassist.ocr-checker.upload.*}).
     *
     * @param maxBytes  largest ID photo accepted; larger uploads get 413 before they are parsed
     * @param maxPixels largest declared image size (width × height) decoded
     * @param minSide   smallest shorter side accepted, pixels
     */
    public record Upload(
            @DefaultValue("8388608") long maxBytes,
            @DefaultValue("40000000") long maxPixels,
            @DefaultValue("200") int minSide) {
    }

    /**
     * The OCR engines and how many checks run at once ({@code finassist.ocr-checker.engine.*}).
     *
     * @param maxConcurrentChecks photo checks run at once (OCR is CPU-bound); more wait up to {@code queueWait}
     * @param queueWait           how long a photo waits for a free check before 503: a small burst queues briefly
     *                            instead of failing
     * @param ocrThreads          onnxruntime threads per check
     * @param detMaxSide          longer side the text detector sees, pixels
     * @param tesseract           whether to use Tesseract as second engine when installed
     * @param tessdata            Tesseract data directory
     * @param tesseractLanguage   Tesseract language
     */
    public record Engine(
            @DefaultValue("2") int maxConcurrentChecks,
            @DefaultValue("4s") Duration queueWait,
            @DefaultValue("2") int ocrThreads,
            @DefaultValue("960") int detMaxSide,
            @DefaultValue("true") boolean tesseract,
            @DefaultValue("/usr/share/tesseract-ocr/5/tessdata") String tessdata,
            @DefaultValue("chi_sim") String tesseractLanguage) {
    }

    /**
     * Photo-quality thresholds measured on the card ({@code finassist.ocr-checker.quality.*}).
     *
     * @param minSharpness          blur: minimum variance of the Laplacian on the card
     * @param minDirectionalBalance motion blur: minimum min/max ratio of directional second-derivative variances
     * @param minBrightness         minimum mean luma on the card (0–255)
     * @param maxBrightness         maximum mean luma on the card (0–255)
     * @param maxGlare              maximum share of saturated pixels on the card
     * @param minFill               minimum share of the frame the card covers
     * @param maxTiltDeg            maximum card rotation, degrees
     * @param maxEdgeContact        maximum share of a frame edge the card may touch
     * @param minCardWidthPx        minimum card width in the photo, pixels
     */
    public record Quality(
            @DefaultValue("60") double minSharpness,
            @DefaultValue("0.15") double minDirectionalBalance,
            @DefaultValue("70") double minBrightness,
            @DefaultValue("235") double maxBrightness,
            @DefaultValue("0.01") double maxGlare,
            @DefaultValue("0.2") double minFill,
            @DefaultValue("8") double maxTiltDeg,
            @DefaultValue("0.04") double maxEdgeContact,
            @DefaultValue("600") double minCardWidthPx) {
    }
}
