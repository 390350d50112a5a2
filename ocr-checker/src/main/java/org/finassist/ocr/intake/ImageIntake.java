package org.finassist.ocr.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns uploaded bytes into an upright RGB image or refuses them with an {@link IntakeError}. Dimensions are read
 * from the header and checked before decoding; large photos are decoded subsampled so that the longer side stays
 * near {@link #DECODE_TARGET_SIDE}, which bounds memory per upload. A decode budget keeps a crafted file from holding
 * a worker: the raw size (pixels × samples × bit depth) may be at most {@link IntakeLimits#maxRawBytes()} and at most
 * {@link IntakeLimits#maxCompressionRatio()} times the upload, and a decode still running after
 * {@link IntakeLimits#decodeDeadline()} is aborted. CMYK JPEGs (TwelveMonkeys reader) and images with an alpha
 * channel keep their colours. Thread-safe.
 */
public final class ImageIntake {

    /**
     * Longer side the decoder aims for. Subsampling steps are whole numbers, so a 2,900 px flatbed scan at 2,400
     * would halve to 1,450 px and its card's print to under 16 px; 3,600 keeps scans up to 300 dpi whole while a
     * 12-megapixel phone photo still decodes at half size.
     */
    static final int DECODE_TARGET_SIDE = 3600;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private final IntakeLimits limits;

    public ImageIntake(IntakeLimits limits) {
        this.limits = limits;
    }

    public IntakeLimits limits() {
        return limits;
    }

    public AcceptedImage accept(byte[] bytes) throws IntakeException {
        if (bytes == null || bytes.length == 0) {
            throw new IntakeException(IntakeError.EMPTY, "no bytes");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new IntakeException(IntakeError.TOO_LARGE, bytes.length + " bytes > " + limits.maxBytes());
        }
        ImageFormat format = ImageFormat.sniff(bytes)
                .orElseThrow(() -> new IntakeException(IntakeError.UNSUPPORTED_FORMAT, "unknown magic bytes"));
        BufferedImage decoded = decode(bytes, format);
        int orientation = ExifOrientation.read(bytes);
        return new AcceptedImage(ExifOrientation.apply(toRgb(decoded, format != ImageFormat.JPEG), orientation), format,
                orientation);
    }

    private BufferedImage decode(byte[] bytes, ImageFormat format) throws IntakeException {
        ImageReader reader = readerFor(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            WarningCollector warnings = new WarningCollector();
            reader.addIIOReadWarningListener(warnings);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            checkBudget(reader, width, height, bytes.length, format);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) DECODE_TARGET_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = readWithDeadline(reader, param);
            if (warnings.first != null) {
                // the JDK's JPEG decoder fills a truncated file with grey and only warns; treat that as corrupt
                throw new IntakeException(IntakeError.CORRUPT, "decoder warning: " + warnings.first);
            }
            return image;
        } catch (IntakeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IntakeException(IntakeError.CORRUPT, "cannot decode " + format + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height) throws IntakeException {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            throw new IntakeException(IntakeError.CORRUPT, "non-positive dimensions");
        }
        if (pixels > limits.maxPixels() || Math.max(width, height) > limits.maxSide()) {
            throw new IntakeException(IntakeError.TOO_MANY_PIXELS, width + "x" + height + " exceeds limits");
        }
        if (Math.min(width, height) < limits.minSide()) {
            throw new IntakeException(IntakeError.TOO_SMALL, width + "x" + height + " below " + limits.minSide());
        }
    }

    /** Below this raw size a decode is cheap whatever the ratio (a plain synthetic picture compresses 500:1). */
    private static final long RATIO_FLOOR_BYTES = 16_000_000L;

    /** Refuses before decoding what would decode to far more than an ID photo needs. */
    private void checkBudget(ImageReader reader, int width, int height, int compressed, ImageFormat format)
            throws IntakeException, IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        int bits = 24;
        if (type != null) {
            bits = 0;
            for (int b = 0; b < type.getSampleModel().getNumBands(); b++) {
                bits += type.getSampleModel().getSampleSize(b);
            }
        }
        long raw = (long) width * height * Math.max(1, bits) / 8;
        if (raw > limits.maxRawBytes()) {
            throw new IntakeException(IntakeError.TOO_COMPLEX, width + "x" + height + " at " + bits
                    + " bits/pixel decodes to " + raw + " bytes > " + limits.maxRawBytes());
        }
        // a JPEG decodes in time linear in its (already limited) pixels; deflate is where a tiny file inflates
        if (format != ImageFormat.JPEG && raw > RATIO_FLOOR_BYTES
                && raw > (long) compressed * limits.maxCompressionRatio()) {
            throw new IntakeException(IntakeError.TOO_COMPLEX, "compression ratio " + raw / Math.max(1, compressed)
                    + " > " + limits.maxCompressionRatio());
        }
    }

    /** Reads with {@link ImageReader#abort()} scheduled at the deadline; an aborted read is refused. */
    private BufferedImage readWithDeadline(ImageReader reader, ImageReadParam param) throws IOException,
            IntakeException {
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> timer = DEADLINES.schedule(() -> {
            aborted.set(true);
            reader.abort();
        }, limits.decodeDeadline().toMillis(), TimeUnit.MILLISECONDS);
        try {
            BufferedImage image = reader.read(0, param);
            if (aborted.get()) {
                throw new IntakeException(IntakeError.TOO_COMPLEX, "decode exceeded " + limits.decodeDeadline());
            }
            return image;
        } finally {
            timer.cancel(false);
        }
    }

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "image-decode-deadline");
        t.setDaemon(true);
        return t;
    });

    private static ImageReader readerFor(ImageFormat format) throws IntakeException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IntakeException(IntakeError.UNSUPPORTED_FORMAT, "no ImageIO reader for " + format);
        }
        return readers.next();
    }

    /**
     * Converts to 8-bit RGB. An alpha channel is dropped rather than composited: a photo saved semi-transparent
     * would otherwise wash out towards white and fail the glare check; only fully transparent pixels become white,
     * and only in formats that carry real transparency (a four-channel JPEG's fourth channel is ink, not alpha).
     */
    static BufferedImage toRgb(BufferedImage src, boolean honourAlpha) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean alpha = honourAlpha && src.getColorModel().hasAlpha();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            if (alpha) {
                for (int x = 0; x < w; x++) {
                    row[x] = (row[x] >>> 24) == 0 ? 0xFFFFFF : row[x] & 0xFFFFFF;
                }
            }
            rgb.setRGB(0, y, w, 1, row, 0, w);
        }
        return rgb;
    }

    private static final class WarningCollector implements javax.imageio.event.IIOReadWarningListener {
        private volatile String first;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (first == null) {
                first = warning;
            }
        }
    }
}
