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

/** Runs the whole check on one uploaded ID photo. Thread-safe when its engines are. */
public final class IdPhotoChecker {

    private final ImageIntake intake;
    private final QualityInspector inspector;
    private final OcrEngine primary;
    private final Optional<OcrEngine> secondary;
    private final IdCardValidator validator;
    private final IdCardParser parser = new IdCardParser();

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
        Read frame = read(primary, photo);
        if (frame.side == CardSide.UNKNOWN && !frame.lines.isEmpty()) {
            // a card photographed upside down reads as nothing; one turn is cheaper than asking for a retake
            BufferedImage turned = Images.rotate180(photo);
            Read t = read(primary, turned);
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
        Read first = frame;
        CardRegion region = inspection.view().region();
        if (score(frame, region, knownBirthDate) > 0) {
            Read again = read(primary, card);
            if (again.side == CardSide.UNKNOWN) {
                again = read(primary, Images.rotate180(card));
            }
            if (again.side != CardSide.UNKNOWN && (first.side == CardSide.UNKNOWN
                    || score(again, cropRegion(card), knownBirthDate) < score(first, region, knownBirthDate))) {
                first = again;
            }
        }
        List<EngineReading> readings = new ArrayList<>(List.of(first.reading));
        CardSide side = first.side;
        Optional<EngineReading> second = Optional.empty();
        if (secondary.isPresent() && side != CardSide.UNKNOWN) {
            second = Optional.of(readAs(secondary.get(), card, side));
            readings.add(second.get());
        }
        Merged merged = Merged.of(side, first.reading, second);
        List<Finding> findings = new ArrayList<>(sideFindings(side, expected));
        if (parser.bothSides(frame.lines)) {
            findings.add(0, new Finding("BOTH_SIDES", "side",
                    "照片中同时有证件的两面，请每次只拍一面：先拍人像面，再拍国徽面。"));
        }
        findings.addAll(merged.findings());
        if (side == CardSide.FRONT && merged.front() != null && merged.front().name() != null) {
            CardRegion where = first == frame ? inspection.view().region() : cropRegion(card);
            if (!NameFit.plausible(merged.front().name(), Lines.straighten(first.lines), where)) {
                findings.add(new Finding("NAME_UNCERTAIN", "name",
                        "姓名未能完整识别，请在光线均匀处重新拍摄，或核对后手动填写。"));
            }
        }
        switch (side) {
            case FRONT -> findings.addAll(validator.validateFront(merged.front()));
            case BACK -> findings.addAll(validator.validateBack(merged.back(), knownBirthDate));
            case UNKNOWN -> { }
        }
        return new IdPhotoReport(side, quality, merged.front(), merged.back(), List.copyOf(readings),
                merged.agreement(), List.copyOf(findings), guidance(quality, findings));
    }

    /** The straightened card as a region of itself. */
    private static CardRegion cropRegion(BufferedImage card) {
        return new CardRegion(true, card.getWidth() / 2.0, card.getHeight() / 2.0, card.getWidth(), card.getHeight(),
                0, 1, 0, CardRegion.Source.TEXT_LAYOUT, card.getWidth() / 85.6, 0, Double.NaN);
    }

    private record Read(CardSide side, EngineReading reading, List<TextLine> lines) {
    }

    private Read read(OcrEngine engine, BufferedImage image) {
        long start = System.nanoTime();
        List<TextLine> lines = engine.recognize(image);
        List<TextLine> straight = Lines.straighten(lines);
        CardSide side = parser.detectSide(straight);
        return new Read(side, reading(engine, side, straight, start), lines);
    }

    /** How much is wrong with one reading: validation problems, plus one when its name cannot be trusted. */
    private int score(Read r, CardRegion where, Optional<LocalDate> knownBirthDate) {
        int n = problems(r, knownBirthDate).size();
        if (r.side == CardSide.FRONT && r.reading.front().name() != null
                && !NameFit.plausible(r.reading.front().name(), Lines.straighten(r.lines), where)) {
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
