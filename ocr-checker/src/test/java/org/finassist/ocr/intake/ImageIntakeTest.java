package org.finassist.ocr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.finassist.ocr.synth.PhotoSimulator;
import org.junit.jupiter.api.Test;

class ImageIntakeTest {

    private final ImageIntake intake = new ImageIntake(IntakeLimits.defaults());

    private static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w / 2, h / 4);
        g.dispose();
        return img;
    }

    private IntakeError refusal(byte[] bytes) {
        try {
            intake.accept(bytes);
        } catch (IntakeException e) {
            assertThat(e.error().message()).isNotBlank();
            return e.error();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void acceptsJpegAndPngByContentWhateverTheyAreCalled() throws IntakeException {
        AcceptedImage jpeg = intake.accept(PhotoSimulator.encodeJpeg(picture(800, 600), 0.9f));
        assertThat(jpeg.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(jpeg.image().getWidth()).isEqualTo(800);
        AcceptedImage png = intake.accept(PhotoSimulator.encodePng(picture(640, 480)));
        assertThat(png.format()).isEqualTo(ImageFormat.PNG);
        assertThat(png.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void refusesEmptyOversizedAndForeignFiles() {
        assertThat(refusal(new byte[0])).isEqualTo(IntakeError.EMPTY);
        assertThat(refusal(new byte[10 * 1024 * 1024 + 1])).isEqualTo(IntakeError.TOO_LARGE);
        assertThat(refusal("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(IntakeError.UNSUPPORTED_FORMAT);
        assertThat(refusal("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEqualTo(IntakeError.UNSUPPORTED_FORMAT);
        assertThat(refusal(new byte[]{(byte) 0xFF, (byte) 0xD8})).isEqualTo(IntakeError.UNSUPPORTED_FORMAT);
    }

    @Test
    void refusesTruncatedFiles() {
        byte[] jpeg = PhotoSimulator.encodeJpeg(picture(800, 600), 0.9f);
        assertThat(refusal(Arrays.copyOf(jpeg, jpeg.length / 2))).isEqualTo(IntakeError.CORRUPT);
        assertThat(refusal(Arrays.copyOf(jpeg, 40))).isEqualTo(IntakeError.CORRUPT);
        byte[] png = PhotoSimulator.encodePng(picture(800, 600));
        assertThat(refusal(Arrays.copyOf(png, png.length / 2))).isEqualTo(IntakeError.CORRUPT);
    }

    @Test
    void refusesDecompressionBombFromTheHeaderAlone() throws IOException {
        // 20000 x 20000 pixels declared, a few hundred bytes on the wire: must be refused before any decoding
        byte[] bomb = pngHeaderOnly(20_000, 20_000);
        assertThat(bomb.length).isLessThan(1000);
        long before = usedHeap();
        assertThat(refusal(bomb)).isEqualTo(IntakeError.TOO_MANY_PIXELS);
        assertThat(usedHeap() - before).isLessThan(200L * 1024 * 1024);
        assertThat(refusal(pngHeaderOnly(13_000, 500))).isEqualTo(IntakeError.TOO_MANY_PIXELS);
        assertThat(refusal(pngHeaderOnly(300, 150))).isEqualTo(IntakeError.TOO_SMALL);
    }

    @Test
    void recognisesWebpAndChecksItsDeclaredSize() {
        // a valid 1x1 lossless WebP: recognised as WebP (not "unsupported"), then refused as too small
        byte[] tiny = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        assertThat(refusal(tiny)).isEqualTo(IntakeError.TOO_SMALL);
        assertThat(refusal(webpCanvas(20_000, 20_000))).isEqualTo(IntakeError.TOO_MANY_PIXELS);
    }

    @Test
    void appliesExifOrientation() throws IntakeException {
        byte[] jpeg = withExifOrientation(PhotoSimulator.encodeJpeg(picture(800, 600), 0.9f), 6);
        AcceptedImage img = intake.accept(jpeg);
        assertThat(img.exifOrientation()).isEqualTo(6);
        assertThat(img.image().getWidth()).isEqualTo(600);
        assertThat(img.image().getHeight()).isEqualTo(800);
        // the white block was top-left; after a 90° clockwise turn it is top-right
        assertThat(img.image().getRGB(590, 10) & 0xFF).isGreaterThan(200);
        assertThat(img.image().getRGB(10, 10) & 0xFF).isLessThan(100);
    }

    @Test
    void largePhotosAreDecodedSubsampled() throws IntakeException {
        AcceptedImage img = intake.accept(PhotoSimulator.encodeJpeg(picture(5000, 3000), 0.5f));
        assertThat(Math.max(img.image().getWidth(), img.image().getHeight())).isLessThanOrEqualTo(2500);
    }

    @Test
    void smallAlbumSizedImagesAreAcceptedTheTextDecidesLater() throws IntakeException {
        assertThat(intake.accept(PhotoSimulator.encodeJpeg(picture(560, 350), 0.85f)).image().getWidth())
                .isEqualTo(560);
    }

    @Test
    void decodeBudgetRefusesDeepSamplesThatCompressTooWell() throws IOException {
        // a 16-bit PNG of 24 MB raw in a few kilobytes: decoding it costs seconds for nothing
        BufferedImage deep = new BufferedImage(4000, 3000, BufferedImage.TYPE_USHORT_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(deep, "png", out);
        assertThat(out.size()).isLessThan(200_000);
        assertThat(refusal(out.toByteArray())).isEqualTo(IntakeError.TOO_COMPLEX);
    }

    @Test
    void aDecodeRunningPastTheDeadlineIsAbortedAndRefused() {
        BufferedImage noisy = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(1);
        for (int y = 0; y < noisy.getHeight(); y += 2) {
            for (int x = 0; x < noisy.getWidth(); x++) {
                noisy.setRGB(x, y, r.nextInt());
            }
        }
        byte[] png = PhotoSimulator.encodePng(noisy);
        ImageIntake hurried = new ImageIntake(new IntakeLimits(50_000_000L, 40_000_000L, 12_000, 200, 160_000_000L,
                250, java.time.Duration.ofMillis(1)));
        assertThatThrownBy(() -> hurried.accept(png)).isInstanceOfSatisfying(IntakeException.class,
                e -> assertThat(e.error()).isEqualTo(IntakeError.TOO_COMPLEX));
    }

    @Test
    void semiTransparentPngKeepsItsColoursInsteadOfWashingOut() throws IntakeException {
        BufferedImage argb = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        var g = argb.createGraphics();
        g.setColor(new Color(60, 60, 60, 100));
        g.fillRect(0, 0, 600, 400);
        g.dispose();
        int p = intake.accept(PhotoSimulator.encodePng(argb)).image().getRGB(300, 200);
        assertThat((p >> 16) & 0xFF).isBetween(55, 65);
        assertThat(p & 0xFF).isBetween(55, 65);
    }

    @Test
    void fourChannelJpegIsDecodedInColour() throws Exception {
        // without an Adobe marker the fourth channel's meaning is a guess; it must never be taken for transparency
        var raster = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 600, 400, 4,
                null);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                raster.setPixel(x, y, new int[]{0, 255, 255, 0});
            }
        }
        var writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        int p = intake.accept(out.toByteArray()).image().getRGB(300, 200);
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        // a saturated ink, not the washed-out grey of a wrong colour conversion
        assertThat(Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))).isGreaterThan(100);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[]{8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] buf = new byte[4096];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    private static byte[] webpCanvas(int w, int h) {
        byte[] b = new byte[30];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        le32(b, 4, 22);
        System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        le32(b, 16, 10);
        le24(b, 24, w - 1);
        le24(b, 27, h - 1);
        return b;
    }

    private static void le32(byte[] b, int at, int v) {
        le24(b, at, v);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void le24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    /** Inserts an APP1 Exif segment with only the orientation tag right after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
                (byte) orientation, 0, 0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int len = exif.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
