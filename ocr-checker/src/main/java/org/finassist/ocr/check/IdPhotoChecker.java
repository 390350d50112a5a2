package org.finassist.ocr.check;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.Finding;
import org.finassist.ocr.idcard.IdCardParser;
import org.finassist.ocr.idcard.IdCardValidator;
import org.finassist.ocr.intake.IntakeException;
import org.finassist.ocr.intake.ImageIntake;
import org.finassist.ocr.quality.CardRegion;
import org.finassist.ocr.quality.QualityInspector;
import org.finassist.ocr.quality.QualityResult;
import org.finassist.ocr.quality.TextCardLocator;

/** Runs the whole check on one uploaded ID photo. Thread-safe when its engines are. */
public final class IdPhotoChecker {

    private final ImageIntake intake;
    private final QualityInspector inspector;
    private final OcrEngine primary;
    private final Optional<OcrEngine> secondary;
    private final IdCardValidator validator;
    private final IdCardParser parser = new IdCardParser();
    private final TextCardLocator locator = new TextCardLocator();

    public IdPhotoChecker(ImageIntake intake, QualityInspector inspector, OcrEngine primary,
                          Optional<OcrEngine> secondary, IdCardValidator validator) {
        this.intake = intake;
        this.inspector = inspector;
        this.primary = primary;
        this.secondary = secondary;
        this.validator = validator;
    }

    /** The engines in use, primary first. */
    public List<String> engines() {
        List<String> names = new ArrayList<>(List.of(primary.name()));
        secondary.ifPresent(e -> names.add(e.name()));
        return names;
    }

    /**
     * @param expected       the side the customer was asked for, or {@link CardSide#UNKNOWN} to accept either
     * @param knownBirthDate the birth date from the portrait side, if already read; lets the emblem side's validity
     *                       length be checked against the age at issue
     * @throws IntakeException when the bytes are not an acceptable image (nothing was decoded)
     */
    public IdPhotoReport check(byte[] upload, CardSide expected, Optional<LocalDate> knownBirthDate)
            throws IntakeException {
        return check(intake.accept(upload).image(), expected, knownBirthDate);
    }

    /**
     * Reads the whole photo first: the text finds the card (see {@link org.finassist.ocr.quality.TextCardLocator})
     * whatever the desk looks like, and the reading is taken from the whole frame. The straightened card is read
     * again only when the first reading leaves something to complain about (small print in a scan, a missed row).
     */
    public IdPhotoReport check(BufferedImage upright, CardSide expected, Optional<LocalDate> knownBirthDate) {
        BufferedImage photo = upright;
        Read frame = read(primary, photo, null);
        boolean frameTurned = false;
        if (frame.side == CardSide.UNKNOWN && !confidentText(frame.lines)) {
            frameTurned = true;
            // a card photographed upside down reads as little or nothing; one turn is cheaper than asking for a retake.
            // Text read confidently without a single ID label is some other picture: no turn (latency cap).
            BufferedImage turned = Images.rotate180(photo);
            Read t = read(primary, turned, null);
            if (t.side != CardSide.UNKNOWN) {
                photo = turned;
                frame = t;
            }
        }
        QualityInspector.Inspection inspection = inspector.inspect(photo, frame.lines, frame.side);
        List<QualityResult> quality = inspection.results();
        BufferedImage card = inspection.view().card();
        if (card == null) {
            return new IdPhotoReport(CardSide.UNKNOWN, quality, null, null, List.of(), Agreement.UNREADABLE,
                    List.of(), guidance(quality, List.of()));
        }
        frame = frame.at(inspection.view().region());
        Read first = frame;
        Read second = null;
        if (score(frame, knownBirthDate) > 0 && worthReadingAgain(frame, photo, card)) {
            Read again = read(primary, card, card);
            // both orientations of the frame were already read: turning the crop repeats that (latency cap)
            if (again.side == CardSide.UNKNOWN && !confidentText(again.lines) && !frameTurned) {
                again = read(primary, Images.rotate180(card), card);
            }
            if (again.side != CardSide.UNKNOWN) {
                second = again;
                if (first.side == CardSide.UNKNOWN || score(again, knownBirthDate) < score(first, knownBirthDate)) {
                    first = again;
                }
            }
        }
        List<EngineReading> readings = new ArrayList<>(List.of(first.reading));
        CardSide side = first.side;
        Optional<EngineReading> other = Optional.empty();
        if (secondary.isPresent() && side != CardSide.UNKNOWN) {
            other = Optional.of(readAs(secondary.get(), card, side));
            readings.add(other.get());
        }
        Merged merged = Merged.of(side, first.reading, other);
        List<Finding> findings = new ArrayList<>(sideFindings(side, expected));
        if (parser.bothSides(frame.lines)) {
            findings.add(0, new Finding("BOTH_SIDES", "side",
                    "照片中同时有证件的两面，请每次只拍一面：先拍人像面，再拍国徽面。"));
        }
        findings.addAll(merged.findings());
        if (side == CardSide.FRONT && merged.front() != null && merged.front().name() != null
                && !nameTrusted(merged.front().name(), first, first == frame ? second : frame)) {
            findings.add(new Finding("NAME_UNCERTAIN", "name",
                    "姓名未能完整识别，请在光线均匀处重新拍摄，或核对后手动填写。"));
        }
        switch (side) {
            case FRONT -> findings.addAll(validator.validateFront(merged.front()));
            case BACK -> findings.addAll(validator.validateBack(merged.back(), knownBirthDate));
            case UNKNOWN -> { }
        }
        return new IdPhotoReport(side, quality, merged.front(), merged.back(), List.copyOf(readings),
                merged.agreement(), List.copyOf(findings), guidance(quality, findings));
    }

    /**
     * The name of the reading used is trusted when that reading alone is sure of it, or when it is fairly sure and
     * the other reading (if one was made) read the same name in a box that fits it too.
     */
    private static boolean nameTrusted(String name, Read used, Read other) {
        NameFit.Trust trust = NameFit.trust(name, Lines.straighten(used.lines), used.where);
        if (trust != NameFit.Trust.NEEDS_SECOND_READING) {
            return trust == NameFit.Trust.TRUSTED;
        }
        return other != null && other.side == CardSide.FRONT && name.equals(other.reading.front().name())
                && NameFit.trust(name, Lines.straighten(other.lines), other.where) != NameFit.Trust.UNTRUSTED;
    }

    /**
     * Text read with confidence: at least three lines of two or more characters, length-weighted mean confidence
     * ≥ 0.9. On the build split, upside-down cards read as 0–4 short or unsure lines; a receipt, ticket or bank card
     * reads as many confident lines, and turning or re-reading it cannot make it an ID card.
     */
    static boolean confidentText(List<TextLine> lines) {
        double sum = 0;
        int chars = 0;
        int n = 0;
        for (TextLine l : lines) {
            int len = l.text().replaceAll("\\s", "").length();
            if (len >= 2) {
                sum += l.confidence() * len;
                chars += len;
                n++;
            }
        }
        return n >= 3 && sum / chars >= 0.9;
    }

    /**
     * Re-reading the straightened card helps when the first reading found a card, or when it brings the print much
     * closer (a card small in the photo). A picture whose frame showed no ID label in either orientation, and whose
     * located "card" is a quarter of the frame or more, would only cost more passes (the cap for non-ID pictures:
     * on the build split no accepted photo needed a third pass).
     */
    private static boolean worthReadingAgain(Read frame, BufferedImage photo, BufferedImage card) {
        if (frame.side != CardSide.UNKNOWN) {
            return true;
        }
        double share = (double) card.getWidth() * card.getHeight() / ((double) photo.getWidth() * photo.getHeight());
        return share < 0.25;
    }

    /** One reading and where the card is in the image read (the layout the name's room is measured against). */
    private record Read(CardSide side, EngineReading reading, List<TextLine> lines, CardRegion where) {
        Read at(CardRegion region) {
            return new Read(side, reading, lines, region);
        }
    }

    /**
     * @param card when the image read is the straightened card: its layout is fitted again from this reading's own
     *             print, so the name's room is measured against the card's real scale, not an assumed crop
     */
    private Read read(OcrEngine engine, BufferedImage image, BufferedImage card) {
        long start = System.nanoTime();
        List<TextLine> lines = engine.recognize(image);
        List<TextLine> straight = Lines.straighten(lines);
        CardSide side = parser.detectSide(straight);
        CardRegion where = card == null ? CardRegion.notFound()
                : locator.locate(lines, side, image.getWidth(), image.getHeight());
        return new Read(side, reading(engine, side, straight, start), lines, where);
    }

    /** How much is wrong with one reading: validation problems, plus one when its name is not sure on its own. */
    private int score(Read r, Optional<LocalDate> knownBirthDate) {
        int n = problems(r, knownBirthDate).size();
        if (r.side == CardSide.FRONT && r.reading.front().name() != null && NameFit.trust(r.reading.front().name(),
                Lines.straighten(r.lines), r.where) != NameFit.Trust.TRUSTED) {
            n++;
        }
        return n;
    }

    /** What validation would say about one reading alone. */
    private List<Finding> problems(Read r, Optional<LocalDate> knownBirthDate) {
        return switch (r.side) {
            case FRONT -> validator.validateFront(r.reading.front());
            case BACK -> validator.validateBack(r.reading.back(), knownBirthDate);
            case UNKNOWN -> List.of(new Finding("SIDE_UNKNOWN", "side", ""));
        };
    }

    private EngineReading readAs(OcrEngine engine, BufferedImage card, CardSide side) {
        long start = System.nanoTime();
        return reading(engine, side, Lines.straighten(engine.recognize(card)), start);
    }

    private EngineReading reading(OcrEngine engine, CardSide side, List<TextLine> lines, long start) {
        var front = side == CardSide.FRONT ? parser.parseFront(lines) : null;
        var back = side == CardSide.BACK ? parser.parseBack(lines) : null;
        return new EngineReading(engine.name(), side, front, back, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<Finding> sideFindings(CardSide side, CardSide expected) {
        if (side == CardSide.UNKNOWN) {
            return List.of(new Finding("SIDE_UNKNOWN", "side", "未能识别证件内容，请确认拍摄的是第二代居民身份证，并重新拍摄。"));
        }
        if (expected != CardSide.UNKNOWN && side != expected) {
            String wanted = expected == CardSide.FRONT ? "人像面（有照片的一面）" : "国徽面（有签发机关和有效期限的一面）";
            return List.of(new Finding("WRONG_SIDE", "side", "上传的是证件另一面，请上传身份证" + wanted + "。"));
        }
        return List.of();
    }

    private static List<String> guidance(List<QualityResult> quality, List<Finding> findings) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        quality.stream().filter(QualityResult::failed).forEach(q -> out.add(q.guidance()));
        findings.forEach(f -> out.add(f.message()));
        return List.copyOf(out);
    }
}
