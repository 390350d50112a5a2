package org.finassist.ocr.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns uploaded bytes into an upright RGB image or refuses them with an {@link IntakeError}. Dimensions are read
 * from the header and checked before decoding; large photos are decoded subsampled so that the longer side stays
 * near {@link #DECODE_TARGET_SIDE}, which bounds memory per upload. Thread-safe.
 */
public final class ImageIntake {

    /** Longer side the decoder aims for; plenty for a card that must fill a good part of the frame. */
    static final int DECODE_TARGET_SIDE = 2400;

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
        return new AcceptedImage(ExifOrientation.apply(toRgb(decoded), orientation), format, orientation);
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
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) DECODE_TARGET_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (warnings.first != null) {
                // the JDK's JPEG decoder fills a truncated file with grey and only warns; treat that as corrupt
                throw new IntakeException(IntakeError.CORRUPT, "decoder warning: " + warnings.first);
            }
            return image;
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

    private static ImageReader readerFor(ImageFormat format) throws IntakeException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IntakeException(IntakeError.UNSUPPORTED_FORMAT, "no ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
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
